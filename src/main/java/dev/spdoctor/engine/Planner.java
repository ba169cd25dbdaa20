package dev.spdoctor.engine;

import dev.spdoctor.engine.Diagnosis.OpenQuestion;
import dev.spdoctor.engine.Diagnosis.RankedCause;
import dev.spdoctor.engine.Plan.AlsoPossible;
import dev.spdoctor.engine.Plan.Group;
import dev.spdoctor.engine.Plan.GroupKind;
import dev.spdoctor.engine.Plan.Item;
import dev.spdoctor.engine.Plan.ItemKind;
import dev.spdoctor.engine.Plan.Outcome;
import dev.spdoctor.kb.ClientDef;
import dev.spdoctor.kb.KnowledgeBase;
import dev.spdoctor.kb.Question;
import dev.spdoctor.kb.Step;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Builds the {@link Plan} of a diagnosis from the ranked causes, the open questions and the client,
 * and from what-if runs of the rules: what each answer to a check would change.
 */
final class Planner {
  private final KnowledgeBase kb;
  private final ClientDef client;
  /** The ranking the rules give with one more answer (question id, value). */
  private final BiFunction<String, String, List<RankedCause>> whatIf;

  Planner(KnowledgeBase kb, ClientDef client, BiFunction<String, String, List<RankedCause>> whatIf) {
    this.kb = kb;
    this.client = client;
    this.whatIf = whatIf;
  }

  /** Whether the first cause is established: confident, and well ahead of the next. */
  static boolean established(List<RankedCause> ranked) {
    if (ranked.isEmpty() || ranked.get(0).confidence() < Plan.ESTABLISHED) {
      return false;
    }
    return ranked.size() == 1 || ranked.get(0).confidence() - ranked.get(1).confidence() >= Plan.LEAD - 1e-9;
  }

  Plan plan(List<RankedCause> ranked, List<OpenQuestion> open) {
    if (ranked.isEmpty()) {
      return Plan.none();
    }
    Map<String, List<String>> causesByStep = causesByStep(ranked);
    List<Draft> drafts = new ArrayList<>();
    List<AlsoPossible> also = new ArrayList<>();
    boolean established = established(ranked);
    Set<String> placed = new LinkedHashSet<>();
    if (established) {
      drafts.add(causeGroup(ranked.get(0), open, placed, causesByStep));
      ranked.stream().skip(1).forEach(r -> also.add(new AlsoPossible(r.cause().id(), r.cause().title(), r.confidence())));
    } else {
      List<Item> checks = checks(ranked, open);
      List<Draft> causes = new ArrayList<>();
      for (RankedCause r : ranked) {
        causes.add(causeGroup(r, open, placed, causesByStep));
      }
      blockersFirst(causes);
      if (!checks.isEmpty()) {
        drafts.add(new Draft(GroupKind.CHECKS, null, null, 0, List.of(), checks, List.of(), 0));
      }
      drafts.addAll(causes);
    }
    neverRiskyFirst(drafts, open);
    return number(established, blocking(drafts), also);
  }

  /** A group before numbering; {@code shared} holds ids of steps an earlier group already lists. */
  private record Draft(GroupKind kind, String cause, String title, double confidence, List<String> blocking,
      List<Item> items, List<String> shared, int rank) {}

  private Map<String, List<String>> causesByStep(List<RankedCause> ranked) {
    Map<String, List<String>> byStep = new LinkedHashMap<>();
    for (RankedCause r : ranked) {
      for (String id : r.cause().steps()) {
        byStep.computeIfAbsent(id, k -> new ArrayList<>()).add(r.cause().id());
      }
    }
    return byStep;
  }

  /**
   * One cause's steps, in its order, without those an earlier group lists. Below {@link Plan#RISKY_FROM}
   * a risky step and the steps after it (which follow from it) are held back, and a confirmation
   * takes their place.
   */
  private Draft causeGroup(RankedCause r, List<OpenQuestion> open, Set<String> placed,
      Map<String, List<String>> causesByStep) {
    List<Item> items = new ArrayList<>();
    List<String> shared = new ArrayList<>();
    List<String> heldBack = new ArrayList<>();
    int heldAt = -1;
    for (String id : r.cause().steps()) {
      Step step = kb.steps().get(id);
      if (step == null || step.deprecated()) {
        continue;
      }
      if (!heldBack.isEmpty() || step.risky() && r.confidence() < Plan.RISKY_FROM) {
        if (heldBack.isEmpty()) {
          heldAt = items.size();
        }
        heldBack.add(id);
        continue;
      }
      if (!placed.add(id)) {
        shared.add(id);
        continue;
      }
      items.add(stepItem(step, causesByStep.getOrDefault(id, List.of(r.cause().id()))));
    }
    if (!heldBack.isEmpty()) {
      items.add(heldAt, confirm(r, open, heldBack));
    }
    List<String> blocking = r.cause().blocks();
    return new Draft(GroupKind.CAUSE, r.cause().id(), r.cause().title(), r.confidence(), blocking, items, shared,
        r.rank());
  }

  private Item stepItem(Step step, List<String> causes) {
    Step.Variant v = client == null ? null : step.variant(client, id -> kb.client(id).orElse(null));
    String text = v != null ? v.text() : step.text();
    String verify = v != null && v.verify() != null ? v.verify() : step.verify();
    return new Item(0, ItemKind.STEP, step.id(), text, verify, step.role(), step.waitTime(), step.risk(),
        step.needs(), causes, v == null ? null : client.id(), null, List.of(), List.of(), List.of());
  }

  /** The check that stands in for a risky step held back: confirm the cause first. */
  private Item confirm(RankedCause r, List<OpenQuestion> open, List<String> heldBack) {
    Step risky = kb.steps().get(heldBack.get(0));
    List<Question> asks = new ArrayList<>();
    for (OpenQuestion q : open) {
      if (q.causes().contains(r.cause().id())) {
        asks.add(q.question());
      }
    }
    StringBuilder text = new StringBuilder("Confirm this cause before changing anything");
    if (asks.isEmpty()) {
      text.append(", from what you know of the setup and the full error.");
    } else {
      text.append(": ");
      for (int i = 0; i < asks.size(); i++) {
        text.append(i == 0 ? "" : " Also: ").append(checkText(asks.get(i)));
      }
    }
    text.append(" The next step (").append(risky.id()).append(") ").append(Plan.riskWords(risky.risk()))
        .append(", so it is shown only once this cause reaches ").append(String.format(java.util.Locale.ROOT,
            "%.2f", Plan.RISKY_FROM)).append(heldBack.size() > 1 ? "; the steps that follow it wait with it." : ".");
    Question first = asks.isEmpty() ? null : asks.get(0);
    return new Item(0, ItemKind.CONFIRM, first == null ? "confirm-" + r.cause().id() : first.id(), text.toString(),
        null, null, null, "none", List.of(), List.of(r.cause().id()), null, first == null ? null : first.id(),
        first == null ? List.of() : values(first), List.of(), heldBack);
  }

  /** The check as an action followed by the question its answers answer, or the question alone. */
  private static String checkText(Question q) {
    if (q.check() == null) {
      return q.prompt();
    }
    String t = q.check().endsWith(".") ? q.check() : q.check() + ".";
    return t + " " + q.prompt();
  }

  private static List<String> values(Question q) {
    return switch (q.type()) {
      case "yesno" -> List.of("yes", "no");
      case "choice" -> q.choices();
      default -> List.of();
    };
  }

  /**
   * The open questions that tell the causes apart, as checks: each answer is tried with the rules,
   * and a question whose answers all leave the ranking as it is is left out. The check whose answers
   * split the causes into the most different outcomes comes first, then the cheaper one.
   */
  private List<Item> checks(List<RankedCause> ranked, List<OpenQuestion> open) {
    record Scored(Item item, int outcomes, int ruledOut, int effort, int order) {}
    List<Scored> scored = new ArrayList<>();
    List<String> inPlay = ranked.stream().map(r -> r.cause().id()).toList();
    for (int i = 0; i < open.size(); i++) {
      OpenQuestion q = open.get(i);
      List<String> values = values(q.question());
      if (values.isEmpty() || !q.question().asks(client)) {
        continue;
      }
      List<Outcome> outcomes = new ArrayList<>();
      Set<String> distinct = new LinkedHashSet<>();
      int ruledOut = 0;
      boolean changes = false;
      for (String value : values) {
        List<RankedCause> after = whatIf.apply(q.question().id(), value);
        Outcome o = outcome(value, ranked, inPlay, after);
        outcomes.add(o);
        ruledOut += o.rulesOut().size();
        distinct.add(o.rulesOut() + "|" + o.leads() + "|" + o.establishes());
        changes |= !o.rulesOut().isEmpty() || o.establishes()
            || !after.isEmpty() && !after.get(0).cause().id().equals(inPlay.get(0));
      }
      if (!changes) {
        continue;
      }
      Set<String> touched = new LinkedHashSet<>();
      outcomes.forEach(o -> {
        touched.addAll(o.rulesOut());
        if (o.leads() != null && inPlay.contains(o.leads())) {
          touched.add(o.leads());
        }
      });
      List<String> tells = inPlay.stream().filter(touched::contains).toList();
      Item item = new Item(0, ItemKind.CHECK, q.question().id(), checkText(q.question()), null, null, null, "none",
          List.of(), tells.isEmpty() ? q.causes() : tells, null, q.question().id(), values, outcomes, List.of());
      scored.add(new Scored(item, distinct.size(), ruledOut, Question.EFFORTS.indexOf(q.question().effort()), i));
    }
    scored.sort(Comparator.comparingInt((Scored s) -> -s.outcomes()).thenComparingInt(s -> -s.ruledOut())
        .thenComparingInt(Scored::effort).thenComparingInt(Scored::order));
    return scored.stream().map(Scored::item).toList();
  }

  private Outcome outcome(String value, List<RankedCause> before, List<String> inPlay, List<RankedCause> after) {
    Set<String> left = new LinkedHashSet<>();
    after.forEach(r -> left.add(r.cause().id()));
    List<String> rulesOut = inPlay.stream().filter(c -> !left.contains(c)).toList();
    List<String> parts = new ArrayList<>();
    String leads = after.isEmpty() ? null : after.get(0).cause().id();
    boolean establishes = established(after);
    if (after.isEmpty()) {
      parts.add("rules out every cause in play");
    } else {
      RankedCause top = after.get(0);
      String conf = String.format(java.util.Locale.ROOT, "%.2f", top.confidence());
      if (establishes) {
        parts.add("'" + top.cause().title() + "' is established (" + conf + ")");
      } else if (!top.cause().id().equals(inPlay.get(0)) || Math.abs(top.confidence() - before.get(0).confidence()) > 1e-9) {
        parts.add("'" + top.cause().title() + "' leads (" + conf + ")");
      }
      if (!rulesOut.isEmpty()) {
        parts.add("rules out " + String.join(", ", rulesOut.stream().map(this::title).map(t -> "'" + t + "'").toList()));
      }
      if (parts.isEmpty()) {
        parts.add("changes nothing");
      }
    }
    return new Outcome(value, String.join("; ", parts), rulesOut, leads, establishes);
  }

  private String title(String cause) {
    return kb.cause(cause).map(dev.spdoctor.kb.Cause::title).orElse(cause);
  }

  /**
   * A cause that blocks what a better-ranked group's steps need moves before that group, when it is a
   * finding (at least {@link Plan#RISKY_FROM}) rather than a guess.
   */
  private static void blockersFirst(List<Draft> groups) {
    for (int i = 1; i < groups.size(); i++) {
      Draft g = groups.get(i);
      if (g.blocking().isEmpty() || g.confidence() < Plan.RISKY_FROM) {
        continue;
      }
      for (int j = 0; j < i; j++) {
        boolean needs = groups.get(j).items().stream().anyMatch(it -> it.needs().stream().anyMatch(g.blocking()::contains));
        if (needs) {
          groups.remove(i);
          groups.add(j, g);
          break;
        }
      }
    }
  }

  /**
   * Each group's blocking: what its cause blocks that a step in a later group of a better-ranked cause
   * needs (the reason it was moved ahead of that cause); empty when it is in its rank's place anyway.
   */
  private static List<Draft> blocking(List<Draft> drafts) {
    List<Draft> out = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      Draft d = drafts.get(i);
      Set<String> later = new LinkedHashSet<>();
      drafts.subList(i + 1, drafts.size()).stream().filter(g -> g.rank() < d.rank())
          .forEach(g -> g.items().forEach(it -> later.addAll(it.needs())));
      List<String> blocking = d.blocking().stream().filter(later::contains).toList();
      out.add(new Draft(d.kind(), d.cause(), d.title(), d.confidence(), blocking, d.items(), d.shared(), d.rank()));
    }
    return out;
  }

  /** A risky step is never the first thing to do: a confirmation of its cause goes before it. */
  private void neverRiskyFirst(List<Draft> drafts, List<OpenQuestion> open) {
    for (int g = 0; g < drafts.size(); g++) {
      Draft d = drafts.get(g);
      if (d.items().isEmpty()) {
        continue;
      }
      Item first = d.items().get(0);
      if (first.kind() == ItemKind.STEP && first.risky()) {
        List<Item> items = new ArrayList<>(d.items());
        items.add(0, confirmBefore(d, first, open));
        drafts.set(g, new Draft(d.kind(), d.cause(), d.title(), d.confidence(), d.blocking(), items, d.shared(),
            d.rank()));
      }
      return;
    }
  }

  private Item confirmBefore(Draft d, Item risky, List<OpenQuestion> open) {
    List<String> asks = new ArrayList<>();
    String answer = null;
    List<String> answerValues = List.of();
    dev.spdoctor.kb.Cause cause = kb.cause(d.cause()).orElse(null);
    for (OpenQuestion q : open) {
      if (cause != null && q.causes().contains(cause.id())) {
        asks.add(checkText(q.question()));
        if (answer == null) {
          answer = q.question().id();
          answerValues = values(q.question());
        }
      }
    }
    String text = "Before the next step, which " + Plan.riskWords(risky.risk()) + ", make sure it is needed"
        + (asks.isEmpty() ? ": read what it changes, note the current setting so you can put it back, and agree the"
            + " change with whoever owns it." : ": " + String.join(" ", asks));
    return new Item(0, ItemKind.CONFIRM, answer != null ? answer : "confirm-" + d.cause(), text, null, null, null,
        "none", List.of(), List.of(d.cause()), null, answer, answerValues, List.of(), List.of());
  }

  private static Plan number(boolean established, List<Draft> drafts, List<AlsoPossible> also) {
    Map<String, Integer> numbers = new LinkedHashMap<>();
    List<Group> groups = new ArrayList<>();
    int n = 0;
    for (Draft d : drafts) {
      List<Item> items = new ArrayList<>();
      for (Item i : d.items()) {
        n++;
        items.add(new Item(n, i.kind(), i.id(), i.text(), i.verify(), i.role(), i.waitTime(), i.risk(), i.needs(),
            i.causes(), i.variant(), i.answer(), i.answers(), i.outcomes(), i.heldBack()));
        if (i.kind() == ItemKind.STEP) {
          numbers.put(i.id(), n);
        }
      }
      List<Integer> alsoSteps = d.shared().stream().filter(numbers::containsKey).map(numbers::get).sorted().toList();
      groups.add(new Group(d.kind(), d.cause(), d.title(), d.confidence(), d.blocking(), items, alsoSteps));
    }
    return new Plan(established, groups, also);
  }
}
