package org.vqasp.distill;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.Progress;
import org.vqasp.core.VqaspException;
import org.vqasp.core.io.Hashes;
import org.vqasp.reasoning.clingo.ClingoMessage;

/**
 * The distillation loop: for each batch of training examples, skip it when the theory already answers it;
 * otherwise ask the proposer for rules, refuse unsafe text before clingo sees it, check the rules with clingo
 * (syntax, then the batch's answers, each with up to {@code repairs} re-prompts carrying clingo's messages or the
 * expected and derived answers), keep them only when every earlier accepted example keeps its answer, and try a
 * fresh proposal up to {@code retries} more times. Each stage is one check that says pass, repair (with the feedback
 * for the proposer) or reject: the text screen, the task's syntax and answers, the earlier examples.
 *
 * <p>Every prompt, reply, clingo message and decision goes to the {@link RunLog}; after each accepted change the
 * theory is written to {@code theory-NNN.lp}; after each batch a {@code batch_done} event records the state a
 * resumed run starts from ({@link State}).
 */
public final class Distiller {

    private static final Logger LOG = LoggerFactory.getLogger(Distiller.class);
    private static final int EXPLAINED = 3;

    private final Judge judge;
    private final SafetyScreen screen;
    private final RuleProposer proposer;
    private final Options options;
    private final RunLog log;
    private final RunDirectory dir;

    /**
     * Creates a loop.
     *
     * @param judge the checks
     * @param screen the text screen
     * @param proposer the proposer
     * @param options batch size, retries, repairs
     * @param log the run log
     * @param dir the run directory, where theory snapshots go
     */
    Distiller(Judge judge, SafetyScreen screen, RuleProposer proposer, Options options, RunLog log, RunDirectory dir) {
        this.judge = Objects.requireNonNull(judge, "judge");
        this.screen = Objects.requireNonNull(screen, "screen");
        this.proposer = Objects.requireNonNull(proposer, "proposer");
        this.options = Objects.requireNonNull(options, "options");
        this.log = Objects.requireNonNull(log, "log");
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    /**
     * Batch size, fresh proposals and repairs.
     *
     * @param batch how many examples one task holds (k)
     * @param retries how many fresh proposals follow a refused one (r)
     * @param repairs how many re-prompts each of the syntax and answer checks allows (m)
     * @param explainAtoms the most intermediate atoms shown in answer feedback
     */
    public record Options(int batch, int retries, int repairs, int explainAtoms) {

        /** The defaults: one example per task, 2 more proposals, 2 repairs each, 150 atoms. */
        public static final Options DEFAULT = new Options(1, 2, 2, 150);

        /** Checks the values. */
        public Options {
            if (batch < 1) {
                throw new IllegalArgumentException("batch must be at least 1, was " + batch);
            }
            if (retries < 0 || repairs < 0) {
                throw new IllegalArgumentException("retries and repairs must not be negative, were " + retries + ", "
                        + repairs);
            }
            if (explainAtoms < 0) {
                throw new IllegalArgumentException("explainAtoms must not be negative, was " + explainAtoms);
            }
        }
    }

    /**
     * Where a run stands after a batch: what a resumed run starts from.
     *
     * @param nextBatch the next batch to do
     * @param theory the current theory
     * @param snapshots the number of theory snapshots written (accepted changes)
     * @param solved the identifiers of the examples accepted so far, in order
     * @param counters the counts so far
     * @param seconds the seconds spent in the loop so far
     */
    public record State(int nextBatch, String theory, int snapshots, List<String> solved, Counters counters,
            double seconds) {

        /** Checks the fields and copies the list. */
        public State {
            Objects.requireNonNull(theory, "theory");
            Objects.requireNonNull(counters, "counters");
            solved = List.copyOf(solved);
        }

        /** Returns the state at the start of a run. */
        public static State start(String theory) {
            return new State(0, theory, 0, List.of(), new Counters(), 0);
        }
    }

    /**
     * Runs the loop over training examples from a state.
     *
     * @param train the training examples, in order
     * @param state where to start (the first batch of a new run, or the state a killed run recorded)
     * @param progress progress, one unit per batch
     * @return the state at the end
     */
    public State run(List<? extends Example> train, State state, Progress progress) {
        long t0 = System.nanoTime();
        String theory = state.theory();
        int snapshots = state.snapshots();
        Counters counters = state.counters();
        List<Example> solved = new ArrayList<>();
        for (String id : state.solved()) {
            solved.add(find(train, id));
        }
        int batches = (train.size() + options.batch() - 1) / options.batch();
        for (int b = state.nextBatch(); b < batches; b++) {
            List<Example> batch = new ArrayList<>(train.subList(b * options.batch(),
                    Math.min(train.size(), (b + 1) * options.batch())));
            Judge.Evaluation now = judge.evaluate(theory, "", batch);
            List<Example> pending = new ArrayList<>();
            List<Verdict> current = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                if (!now.verdicts().get(i).correct()) {
                    pending.add(batch.get(i));
                    current.add(now.verdicts().get(i));
                }
            }
            final int bi = b;
            log.write("batch", o -> {
                o.put("batch", bi);
                ArrayNode ids = o.putArray("examples");
                batch.forEach(e -> ids.add(e.id()));
                ArrayNode p = o.putArray("pending");
                for (int i = 0; i < pending.size(); i++) {
                    p.addObject().put("id", pending.get(i).id()).put("question", pending.get(i).question())
                            .put("expected", pending.get(i).expected()).put("derived", current.get(i).describe());
                }
            });
            if (pending.isEmpty()) {
                log.write("skip", o -> o.put("batch", bi).put("reason", "the theory already answers every example"));
                solved.addAll(batch);
            } else {
                List<Example> keep = new ArrayList<>(solved);
                for (Example e : batch) {
                    if (!pending.contains(e)) {
                        keep.add(e);
                    }
                }
                Optional<String> rules = learn(new Task(theory, pending, current, keep), counters);
                if (rules.isPresent()) {
                    TheoryText before = TheoryText.parse(theory);
                    List<String> ids = pending.stream().map(Example::id).toList();
                    theory = before.append(rules.get(), "learnt (" + proposer.name() + ") for question"
                            + (ids.size() == 1 ? " " : "s ") + String.join(", ", ids)).text();
                    snapshots++;
                    counters.acceptedRules += TheoryText.parse(rules.get()).statements().size();
                    Path snap = dir.writeSnapshot(snapshots, theory);
                    final String file = snap.getFileName().toString();
                    log.write("accepted", o -> o.put("batch", bi).put("rules", rules.get()).put("theory", file));
                    solved.addAll(batch);
                } else {
                    log.write("unsolved", o -> o.put("batch", bi));
                }
            }
            double seconds = state.seconds() + (System.nanoTime() - t0) / 1e9;
            final String th = theory;
            final int sn = snapshots;
            log.write("batch_done", o -> {
                o.put("batch", bi);
                o.put("next_batch", bi + 1);
                o.put("snapshots", sn);
                o.put("theory_sha256", Hashes.sha256(th));
                ArrayNode ids = o.putArray("solved");
                solved.forEach(e -> ids.add(e.id()));
                o.set("counters", counters.toJson());
                o.put("seconds", seconds);
            });
            progress.update(b + 1, batches, "accepted " + counters.acceptedRules + " rules");
        }
        List<String> ids = solved.stream().map(Example::id).toList();
        return new State(batches, theory, snapshots, ids, counters,
                state.seconds() + (System.nanoTime() - t0) / 1e9);
    }

    /** Runs the proposals for one task; returns the accepted rules, if any. */
    private Optional<String> learn(Task task, Counters counters) {
        for (int attempt = 0; attempt <= options.retries(); attempt++) {
            Dialogue dialogue = Dialogue.start(task, attempt);
            int syntaxRepairs = 0;
            int semanticRepairs = 0;
            Proposal p = ask(dialogue, counters);
            if (p.isEmpty()) {
                String note = p.note();
                log.write("exhausted", o -> o.put("note", note));
                return Optional.empty();
            }
            while (true) {
                String reply = p.reply();
                String rules = RuleExtractor.extract(reply);
                Check c = screened(reply, rules);
                if (c instanceof Check.Pass) {
                    c = answersTask(task, rules);
                }
                if (c instanceof Check.Pass) {
                    c = keepsEarlier(task, rules);
                }
                if (c instanceof Check.Pass) {
                    return Optional.of(rules);
                }
                if (c instanceof Check.Reject r) {
                    if (r.kind().equals("unsafe")) {
                        counters.unsafe++;
                    } else {
                        counters.regression++;
                    }
                    reject(r.kind(), r.reason(), rules, r.messages());
                    break;
                }
                Feedback feedback = ((Check.Repair) c).feedback();
                boolean syntax = feedback.kind() == Feedback.Kind.SYNTAX;
                if (syntax ? syntaxRepairs >= options.repairs() : semanticRepairs >= options.repairs()) {
                    if (syntax) {
                        counters.syntax++;
                    } else {
                        counters.semantic++;
                    }
                    reject(syntax ? "syntax" : "semantic", "still failing after " + options.repairs() + " repairs",
                            rules, List.of());
                    break;
                }
                if (syntax) {
                    syntaxRepairs++;
                } else {
                    semanticRepairs++;
                }
                dialogue = dialogue.then(reply, feedback);
                p = ask(dialogue, counters);
                if (p.isEmpty()) {
                    log.write("exhausted", o -> o.put("note", "the proposer has nothing more to propose"));
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** What one check says of proposed rules: go on to the next check, repair them with feedback, or refuse them. */
    private sealed interface Check {

        /** The rules pass this check. */
        record Pass() implements Check {
        }

        /** The rules fail in a way the proposer may repair, told the feedback. */
        record Repair(Feedback feedback) implements Check {
        }

        /** The rules are refused: {@code unsafe} or {@code regression}. */
        record Reject(String kind, String reason, List<ClingoMessage> messages) implements Check {
        }
    }

    /** The text check: refuses a reply or rules the safety screen finds unsafe, before clingo sees them. */
    private Check screened(String reply, String rules) {
        Optional<String> unsafe = screen.checkReply(reply);
        if (unsafe.isEmpty()) {
            unsafe = screen.checkRules(rules);
        }
        return unsafe.isPresent() ? new Check.Reject("unsafe", unsafe.get(), List.of()) : new Check.Pass();
    }

    /**
     * The syntax and answer checks on the task's examples, in one guarded evaluation: no rules or clingo errors ask
     * for a syntax repair with clingo's messages; wrong answers for a semantic repair with what the theory derives;
     * a limit refuses the rules as unsafe.
     */
    private Check answersTask(Task task, String rules) {
        if (rules.isBlank()) {
            return new Check.Repair(new Feedback(Feedback.Kind.SYNTAX, Prompts.syntax(rules, List.of(), "")));
        }
        Judge.Evaluation e = judge.evaluate(task.theory(), rules, task.examples());
        if (e.failed() != null && e.failed().status().exceededLimits()) {
            return new Check.Reject("unsafe", e.failed().detail(), e.failed().messages());
        }
        if (e.failed() != null) {
            List<ClingoMessage> about = e.messagesAbout(Judge.CANDIDATE);
            List<ClingoMessage> shown = about.isEmpty() ? e.failed().messages() : about;
            log.write("check", o -> o.put("stage", "syntax").put("ok", false)
                    .put("detail", e.failed().detail()).set("clingo", messages(shown)));
            return new Check.Repair(new Feedback(Feedback.Kind.SYNTAX, Prompts.syntax(rules, shown, e.failed().detail())));
        }
        if (!e.allCorrect()) {
            List<Example> wrong = new ArrayList<>();
            List<Judge.Explanation> why = new ArrayList<>();
            for (int i = 0; i < task.examples().size() && wrong.size() < EXPLAINED; i++) {
                if (!e.verdicts().get(i).correct()) {
                    wrong.add(task.examples().get(i));
                    why.add(judge.explain(task.theory(), rules, task.examples().get(i), options.explainAtoms()));
                }
            }
            List<ClingoMessage> notes = e.messagesAbout(Judge.CANDIDATE);
            log.write("check", o -> {
                o.put("stage", "semantic").put("ok", false);
                ArrayNode a = o.putArray("wrong");
                for (int i = 0; i < wrong.size(); i++) {
                    a.addObject().put("id", wrong.get(i).id()).put("expected", wrong.get(i).expected())
                            .put("derived", why.get(i).verdict().describe());
                }
                o.set("clingo", messages(notes));
            });
            return new Check.Repair(new Feedback(Feedback.Kind.SEMANTIC, Prompts.semantic(wrong, why, notes)));
        }
        log.write("check", o -> o.put("stage", "semantic").put("ok", true));
        return new Check.Pass();
    }

    /** The regression check: every example accepted earlier keeps its answer, else the rules are refused. */
    private Check keepsEarlier(Task task, String rules) {
        List<Example> regression = task.solved();
        if (regression.isEmpty()) {
            return new Check.Pass();
        }
        Judge.Evaluation r = judge.evaluate(task.theory(), rules, regression);
        if (r.failed() != null && r.failed().status().exceededLimits()) {
            return new Check.Reject("unsafe", r.failed().detail(), r.failed().messages());
        }
        if (!r.allCorrect()) {
            List<String> broken = new ArrayList<>();
            for (int i = 0; i < regression.size(); i++) {
                if (!r.verdicts().get(i).correct()) {
                    broken.add(regression.get(i).id() + " (expected " + regression.get(i).expected()
                            + ", derived " + r.verdicts().get(i).describe() + ")");
                }
            }
            return new Check.Reject("regression", broken.size() + " of " + regression.size()
                    + " earlier examples lose their answer: " + String.join("; ",
                    broken.subList(0, Math.min(5, broken.size()))), List.of());
        }
        log.write("check", o -> o.put("stage", "regression").put("ok", true).put("examples", regression.size()));
        return new Check.Pass();
    }

    private Proposal ask(Dialogue dialogue, Counters counters) {
        if (!dialogue.turns().isEmpty()) {
            Feedback last = dialogue.turns().get(dialogue.turns().size() - 1).feedback();
            log.write("feedback", o -> o.put("attempt", dialogue.attempt()).put("turn", dialogue.turns().size())
                    .put("kind", last.kind().name().toLowerCase()).put("text", last.text()));
        }
        Proposal p = proposer.propose(dialogue);
        counters.add(p);
        log.write("proposal", o -> {
            o.put("proposer", proposer.name()).put("attempt", dialogue.attempt()).put("turn", dialogue.turns().size());
            if (!p.prompt().isEmpty()) {
                o.put("prompt", p.prompt());
            }
            o.put("reply", p.reply()).put("calls", p.calls()).put("tokens_in", p.tokensIn())
                    .put("tokens_out", p.tokensOut()).put("note", p.note());
        });
        return p;
    }

    private void reject(String kind, String reason, String rules, List<ClingoMessage> msgs) {
        LOG.debug("rejected ({}): {}", kind, reason);
        String shown = rules.length() <= 2_000 ? rules : rules.substring(0, 2_000) + "... (" + rules.length()
                + " characters; the whole reply is in the proposal event)";
        log.write("rejected", o -> o.put("kind", kind).put("reason", reason).put("rules", shown)
                .set("clingo", messages(msgs)));
    }

    private static ArrayNode messages(List<ClingoMessage> msgs) {
        ArrayNode a = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        for (ClingoMessage m : msgs) {
            a.addObject().put("text", m.text()).put("line", m.line()).put("column", m.column());
        }
        return a;
    }

    private static Example find(List<? extends Example> train, String id) {
        for (Example e : train) {
            if (e.id().equals(id)) {
                return e;
            }
        }
        throw new VqaspException(ErrorKind.BAD_RESUME, "the run log names example " + id + ", which is not a training example");
    }
}
