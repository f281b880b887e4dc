package org.minga.projects.web.calls;

import org.minga.projects.internal.calls.Cooperants;
import java.util.ArrayList;
import java.util.List;

/** The page form of a new cooperant; focus units are typed separated by commas. */
public class CooperantForm {

    private String name;
    private String mission;
    private List<String> themes = new ArrayList<>();
    private String focusUnits;
    private String procedures;
    private String contacts;

    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getMission() { return mission; }
    public void setMission(String v) { mission = v; }
    public List<String> getThemes() { return themes; }
    public void setThemes(List<String> v) { themes = v; }
    public String getFocusUnits() { return focusUnits; }
    public void setFocusUnits(String v) { focusUnits = v; }
    public String getProcedures() { return procedures; }
    public void setProcedures(String v) { procedures = v; }
    public String getContacts() { return contacts; }
    public void setContacts(String v) { contacts = v; }

    Cooperants.NewCooperant input() {
        return new Cooperants.NewCooperant(name, mission, themes, CallForm.split(focusUnits), procedures, contacts);
    }
}
