package org.minga.formation.web;

/** An answer to one pertinence question, as the page's form sends it. */
public class AnswerForm {

    private String answer;
    private String justification;

    public String getAnswer() { return answer; }
    public void setAnswer(String answer) { this.answer = answer; }
    public String getJustification() { return justification; }
    public void setJustification(String justification) { this.justification = justification; }
}
