package org.minga.finance.web;

import org.minga.platform.web.Audience;
import org.minga.platform.web.Reader;
import org.minga.platform.web.TableDownloads;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletResponse;

import org.minga.finance.Contributions;
import org.minga.finance.Equity;
import org.minga.finance.web.FinanceForms.BaseForm;
import org.minga.finance.web.FinanceForms.CorrectionForm;
import org.minga.finance.web.FinanceForms.InKindForm;
import org.minga.finance.web.FinanceForms.PaymentForm;
import org.minga.finance.web.FinanceForms.RuleForm;
import org.minga.identity.Scopes;
import org.minga.platform.CountryFormat;
import org.minga.platform.Zones;
import org.minga.platform.web.Option;
import org.minga.platform.web.Forms;
import org.minga.registry.SchemeFacts;
import org.minga.registry.Schemes;
import org.minga.platform.web.Idempotent;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The contributions page of a scheme (rules, obligations, payments, arrears, statements) and the
 * equity chart the scheme page loads. Forms post to their own address and work without JavaScript.
 */
@Audience(Reader.SCHEME)
@Controller
@RequestMapping("/finance/schemes/{id}")
record FinanceController(Contributions contributions, Equity equity, Schemes schemes, Scopes scopes, Zones zones,
        SchemeFacts facts) {

    @ModelAttribute("kinds")
    List<Option> kinds() {
        return Option.of(Contributions.Kind.values());
    }

    @ModelAttribute("periodicities")
    List<Option> periodicities() {
        return Option.of(Contributions.Periodicity.values());
    }

    @ModelAttribute("currencies")
    List<Option> currencies() {
        return Option.currencies();
    }

    @GetMapping
    String show(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at, Model model) {
        var scheme = schemes.get(id);
        LocalDate date = at == null ? zones.today(scheme.getCountry().name()) : at;
        model.addAttribute("scheme", scheme);
        model.addAttribute("at", date);
        model.addAttribute("canEdit", scopes.canWriteScheme(id));
        List<Contributions.Rule> rules = contributions.rules(id);
        model.addAttribute("rules", rules);
        model.addAttribute("inKindRules", Option.of(rules.stream().filter(r -> r.kind() == Contributions.Kind.IN_KIND)
                .toList(), Contributions.Rule::id, r -> r.year() + " — " + r.name()));
        model.addAttribute("bases", contributions.bases(id));
        model.addAttribute("arrears", contributions.arrears(id, date, null));
        model.addAttribute("payments", recent(contributions.payments(id, null, date)));
        model.addAttribute("recent", RECENT);
        Map<String, String> members = contributions.names(scheme, List.copyOf(contributions.members(id)), date);
        model.addAttribute("members", members);
        // Forms offer by name the scheme's members on the date and the units its rules already cover: no code to know.
        java.util.Set<String> offered = new java.util.TreeSet<>(members.keySet());
        facts.members(id, date).stream().map(SchemeFacts.Member::code).filter(java.util.Objects::nonNull)
                .forEach(offered::add);
        model.addAttribute("memberOptions", Option.of(contributions.names(scheme, List.copyOf(offered), date)
                .entrySet().stream().sorted(Map.Entry.comparingByValue()).toList(), Map.Entry::getKey,
                e -> e.getValue() + " (" + e.getKey() + ")"));
        LocalDate today = zones.today();
        model.mergeAttributes(Map.of("ruleForm", RuleForm.blank(today.getYear()), "baseForm", BaseForm.blank(today.getYear()),
                "paymentForm", PaymentForm.blank(today), "inKindForm", InKindForm.blank(today)));
        model.addAttribute("correctionForm", model.containsAttribute("correctionForm")
                ? model.getAttribute("correctionForm") : CorrectionForm.blank());
        return "finance/scheme";
    }

    /** How many payments the page lists, the latest first; the API and the statements have them all. */
    static final int RECENT = 100;

    private static List<Contributions.Payment> recent(List<Contributions.Payment> payments) {
        List<Contributions.Payment> latest = new ArrayList<>(payments);
        java.util.Collections.reverse(latest);
        return latest.subList(0, Math.min(RECENT, latest.size()));
    }

    @PostMapping("/rules")
    String createRule(@PathVariable long id, @ModelAttribute("ruleForm") RuleForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        return submit(id, "rule-form", "rules", result, model, redirect, () -> contributions.createRule(id, form.input()));
    }

    @PostMapping("/rules/{ruleId}/generate")
    String generate(@PathVariable long id, @PathVariable long ruleId, Model model, RedirectAttributes redirect) {
        scopes.requireSchemeWrite(id);
        return Forms.act(model, "generateError", () -> {
            redirect.addFlashAttribute("generated", contributions.generate(id, ruleId));
            return "redirect:/finance/schemes/" + id + "#rules";
        }, () -> show(id, null, model));
    }

    @PostMapping("/bases")
    String declareBase(@PathVariable long id, @ModelAttribute("baseForm") BaseForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        return submit(id, "base-form", "bases", result, model, redirect,
                () -> contributions.declareBase(id, form.year(), form.unitCode(), form.amount(), form.currency(),
                        form.reason()));
    }

    @PostMapping("/payments")
    @Idempotent
    String pay(@PathVariable long id, @ModelAttribute("paymentForm") PaymentForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        return submit(id, "payment-form", "payments", result, model, redirect, () -> contributions.pay(id, form.input()));
    }

    /** Voids a payment with a reason; a refusal (no reason, already voided) is shown above the list. */
    @PostMapping("/payments/{paymentId}/void")
    String voidPayment(@PathVariable long id, @PathVariable long paymentId, @RequestParam(required = false) String reason,
            Model model, RedirectAttributes redirect) {
        scopes.requireSchemeWrite(id);
        return Forms.act(model, "voidError", () -> {
            contributions.voidPayment(id, paymentId, new Contributions.Voiding(reason));
            return Forms.saved(redirect, "/finance/schemes/" + id + "#payment-list");
        }, () -> show(id, null, model));
    }

    @PostMapping("/payments/correction")
    String correctPayment(@PathVariable long id, @ModelAttribute("correctionForm") CorrectionForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        return submit(id, "correction-form", "payment-list", result, model, redirect,
                () -> contributions.correctPayment(id, form.paymentId() == null ? -1 : form.paymentId(), form.input()));
    }

    /** Voids a rule with a reason: its obligations stop counting; shown above the rules when refused. */
    @PostMapping("/rules/{ruleId}/void")
    String voidRule(@PathVariable long id, @PathVariable long ruleId, @RequestParam(required = false) String reason,
            Model model, RedirectAttributes redirect) {
        scopes.requireSchemeWrite(id);
        return Forms.act(model, "voidError", () -> {
            contributions.voidRule(id, ruleId, new Contributions.Voiding(reason));
            return Forms.saved(redirect, "/finance/schemes/" + id + "#rules");
        }, () -> show(id, null, model));
    }

    @PostMapping("/in-kind")
    @Idempotent
    String inKind(@PathVariable long id, @ModelAttribute("inKindForm") InKindForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        return submit(id, "in-kind-form", "payments", result, model, redirect,
                () -> contributions.contributeInKind(id, form.ruleId() == null ? -1 : form.ruleId(), form.unitCode(),
                        form.on(), form.amount(), form.description()));
    }

    /**
     * Saves a form of the page (the reader must write the scheme) and goes back to its section; a refused
     * form is only its fragment when htmx posted it, else the whole page with the form's errors.
     */
    private String submit(long id, String fragment, String anchor, BindingResult result, Model model,
            RedirectAttributes redirect, Runnable save) {
        scopes.requireSchemeWrite(id);
        return Forms.submit(result, () -> {
            save.run();
            return Forms.saved(redirect, "/finance/schemes/" + id + "#" + anchor);
        }, () -> {
            String page = show(id, null, model);
            return Forms.htmx() ? "finance/scheme :: " + fragment : page;
        });
    }

    @Audience(Reader.MEMBER_OFFICIAL)
    @GetMapping("/members/{unit}/statement.pdf")
    ResponseEntity<byte[]> statement(@PathVariable long id, @PathVariable String unit,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at) {
        return FinanceApiController.pdf(contributions.statement(id, unit, at == null ? zones.today() : at));
    }

    /** Arrears on a date as CSV or XLSX, as the page shows them. */
    @GetMapping("/arrears.{format:csv|xlsx}")
    void arrearsFile(@PathVariable long id, @PathVariable String format,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
            HttpServletResponse response) throws IOException {
        LocalDate date = at == null ? zones.today() : at;
        TableDownloads.write(response, format, "cartera-" + date, "Cartera", List.of("Código", "Miembro", "Moneda",
                "1-30 días", "31-90 días", "Más de 90 días", "Total"), contributions.arrears(id, date, null),
                a -> Arrays.asList(a.unitCode(), a.name(), a.currency(), a.upTo30(), a.from31To90(), a.over90(), a.total()));
    }

    /** Obligations due up to a date, with what was paid of each, as CSV or XLSX. */
    @GetMapping("/obligations.{format:csv|xlsx}")
    void obligationsFile(@PathVariable long id, @PathVariable String format,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
            HttpServletResponse response) throws IOException {
        LocalDate date = at == null ? zones.today() : at;
        TableDownloads.write(response, format, "obligaciones-" + date, "Obligaciones", List.of("Código", "Regla", "Desde",
                "Hasta", "Vence", "Moneda", "Valor", "Pagado", "Pendiente"), contributions.obligations(id, null, date),
                o -> Arrays.asList(o.unitCode(), o.ruleName(), o.periodStart(), o.periodEnd(), o.dueOn(), o.currency(),
                        o.amount(), o.paid(), o.open()));
    }

    /** Equity over a period as CSV or XLSX: one row per member and currency. */
    @GetMapping("/equity.{format:csv|xlsx}")
    void equityFile(@PathVariable long id, @PathVariable String format,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response) throws IOException {
        List<List<?>> rows = new ArrayList<>();
        for (var m : equity.of(id, from, to).members()) {
            var currencies = new TreeSet<>(m.paid().keySet());
            currencies.addAll(m.benefits().keySet());
            currencies.addAll(m.own().keySet());
            for (String c : currencies) {
                rows.add(Arrays.asList(m.unit(), m.name(), c, m.paid().get(c), m.benefits().get(c),
                        m.fromServices().get(c), m.own().get(c), m.ratio()));
            }
        }
        TableDownloads.write(response, format, "equidad-" + from + "-" + to, "Equidad", List.of("Código", "Miembro",
                "Moneda", "Pagado", "Beneficios recibidos de otros", "De ellos, de servicios compartidos",
                "Cofinanciación propia", "Razón beneficios/pagado"), rows, row -> row);
    }

    /** The equity chart: a fragment for htmx, a whole page for the plain link. */
    @GetMapping("/equity")
    String equity(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        LocalDate end = to == null ? zones.today() : to;
        LocalDate start = from == null ? end.minusYears(4).withDayOfYear(1) : from;
        Equity.Report report = equity.of(id, start, end);
        model.addAttribute("scheme", schemes.get(id));
        model.addAttribute("report", report);
        model.addAttribute("charts", charts(report, CountryFormat.of(schemes.get(id).getCountry().name())));
        return Forms.fragmentOr("finance/equity :: summary", () -> "finance/equity-page");
    }

    /**
     * One bar chart per currency: three bars per member (paid, benefits received from others, own
     * co-financing), scaled to the largest.
     */
    record Bar(String unit, String name, String paid, String benefits, String fromServices, String own, int y,
            int paidWidth, int benefitsWidth, int ownWidth) {
    }

    record Chart(String currency, int height, List<Bar> bars) {
    }

    static final int LABEL = 160;
    static final int WIDTH = 420;
    static final int ROW = 48;

    static List<Chart> charts(Equity.Report report, CountryFormat f) {
        List<Chart> charts = new ArrayList<>();
        for (String c : report.currencies()) {
            BigDecimal max = BigDecimal.ZERO;
            for (var m : report.members()) {
                max = max.max(m.paid().getOrDefault(c, BigDecimal.ZERO)).max(m.benefits().getOrDefault(c, BigDecimal.ZERO))
                        .max(m.own().getOrDefault(c, BigDecimal.ZERO));
            }
            List<Bar> bars = new ArrayList<>();
            int y = 10;
            for (var m : report.members()) {
                BigDecimal p = m.paid().getOrDefault(c, BigDecimal.ZERO);
                BigDecimal b = m.benefits().getOrDefault(c, BigDecimal.ZERO);
                BigDecimal s = m.fromServices().getOrDefault(c, BigDecimal.ZERO);
                BigDecimal o = m.own().getOrDefault(c, BigDecimal.ZERO);
                bars.add(new Bar(m.unit(), m.name(), f.money(p, c), f.money(b, c),
                        f.money(s, c), f.money(o, c), y, width(p, max), width(b, max), width(o, max)));
                y += ROW;
            }
            charts.add(new Chart(c, y + 10, bars));
        }
        return charts;
    }

    private static int width(BigDecimal value, BigDecimal max) {
        if (max.signum() == 0 || value.signum() == 0) {
            return 0;
        }
        return Math.max(1, value.multiply(BigDecimal.valueOf(WIDTH)).divide(max, 0, RoundingMode.HALF_UP).intValue());
    }
}
