package org.vqasp.distill;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.vqasp.core.Provenance;
import org.vqasp.core.io.Hashes;
import org.vqasp.llm.LlmSettings;
import org.vqasp.reasoning.AspDataset;
import org.vqasp.reasoning.clevr.ClevrAspDataset;
import org.vqasp.reasoning.clingo.GuardedClingo;
import org.vqasp.reasoning.gqa.GqaAspDataset;

/**
 * Everything one distillation run is given: the dataset, the starting theory and what to delete from it, the
 * split, the loop's knobs, the proposer and the limits of the guarded clingo runs. Built with {@link #builder()}.
 */
public final class DistillConfig {

    /** Datasets, each with how its theory sees it. */
    public enum Dataset {
        /** CLEVR v1.0 questions over scenes. */
        CLEVR,
        /** GQA questions over scene graphs. */
        GQA;

        /** Returns the dataset as its theory sees it (with the bundled GQA hierarchies). */
        public AspDataset<?, ?> asp() {
            return this == CLEVR ? ClevrAspDataset.INSTANCE : GqaAspDataset.bundled();
        }
    }

    /** Proposers. */
    public enum ProposerKind { LLM, ENUMERATIVE }

    private final Dataset dataset;
    private final Path questions;
    private final Path scenes;
    private final Path theoryDir;
    private final PredicateSelector deletePredicate;
    private final Double deleteFraction;
    private final long seed;
    private final int train;
    private final int test;
    private final Distiller.Options loop;
    private final ProposerKind proposer;
    private final LlmSettings llm;
    private final EnumerativeProposer.Bounds bounds;
    private final GuardedClingo.Limits limits;
    private final Path out;
    private final List<String> commandLine;

    private DistillConfig(Builder b) {
        this.dataset = b.dataset;
        this.questions = b.questions;
        this.scenes = b.scenes;
        this.theoryDir = b.theoryDir;
        this.deletePredicate = b.deletePredicate;
        this.deleteFraction = b.deleteFraction;
        this.seed = b.seed;
        this.train = b.train;
        this.test = b.test;
        Distiller.Options d = Distiller.Options.DEFAULT;
        this.loop = b.loop != null ? b.loop
                : new Distiller.Options(defaultBatch(b.proposer, b.train), d.retries(), d.repairs(), d.explainAtoms());
        this.proposer = b.proposer;
        this.llm = b.llm;
        this.bounds = b.bounds;
        this.limits = b.limits;
        this.out = b.out;
        this.commandLine = b.commandLine;
    }

    /**
     * Returns the batch size that suits a proposer: one example per proposal for a language model (it reads each
     * example's feedback), every training example in one proposal for the enumerator (a rule that fits one example
     * by chance seldom fits twenty, and each proposal is a fresh search: with one example per proposal, twenty
     * searches took 695 s on the gen-dev sample and accepted rules that fit by chance; with all twenty, one
     * search took 17 s and restored the full theory's accuracy).
     *
     * @param proposer the proposer
     * @param train the number of training examples
     * @return the batch size
     */
    public static int defaultBatch(ProposerKind proposer, int train) {
        return proposer == ProposerKind.ENUMERATIVE ? Math.max(1, train) : 1;
    }

    /** Returns a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns what is deleted from the theory, for people: {@code predicate filter_color}, {@code 20% of the rules}. */
    public String describeDeletion() {
        if (deletePredicate != null) {
            return "predicate " + deletePredicate;
        }
        if (deleteFraction != null) {
            return String.format("%.0f%% of the rules", 100 * deleteFraction);
        }
        return "nothing";
    }

    /**
     * Returns what identifies the experiment, recorded at its start: a run directory resumes only the experiment
     * it holds.
     *
     * @param fullTheory the full theory's text
     */
    public ObjectNode fingerprint(String fullTheory) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("dataset", dataset.name().toLowerCase());
        o.put("questions", questions.toAbsolutePath().normalize().toString());
        o.put("scenes", scenes.toAbsolutePath().normalize().toString());
        o.put("theory_sha256", Hashes.sha256(fullTheory));
        o.put("deleted", describeDeletion());
        o.put("seed", seed);
        o.put("train", train);
        o.put("test", test);
        o.put("batch", loop.batch());
        o.put("retries", loop.retries());
        o.put("repairs", loop.repairs());
        o.put("proposer", proposer == ProposerKind.ENUMERATIVE ? "enumerative" : llm.name());
        if (proposer == ProposerKind.ENUMERATIVE) {
            o.put("bounds", bounds.maxBody() + "/" + bounds.maxVariables() + "/" + bounds.maxCandidates() + "/"
                    + bounds.chunk());
        }
        return o;
    }

    /**
     * Returns the run's provenance: the command line, the seed, the data and theory with their hashes, the
     * fingerprint, the model's settings, the limits of the guarded runs and the clingo program's version.
     *
     * @param fullTheory the full theory's text
     * @param clingoVersion the version line of the clingo program that judges
     */
    public Provenance provenance(String fullTheory, String clingoVersion) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        Provenance p = new Provenance(commandLine, seed);
        p.input("questions", questions);
        p.input(dataset == Dataset.CLEVR ? "scenes" : "scene_graphs", scenes);
        p.input("theory", json.objectNode().put("path", theoryDir == null ? "bundled"
                : theoryDir.toAbsolutePath().normalize().toString()).put("sha256", Hashes.sha256(fullTheory)));
        p.config(fingerprint(fullTheory));
        if (llm != null && proposer == ProposerKind.LLM) {
            p.put("llm", json.objectNode().put("provider", llm.provider().name().toLowerCase())
                    .put("base_url", llm.baseUrl()).put("model", llm.model()).put("temperature", llm.temperature())
                    .put("timeout_seconds", llm.timeout().toSeconds()).put("max_tokens", llm.maxTokens()));
        }
        p.put("limits", json.objectNode().put("wall_seconds", limits.wallTime().toMillis() / 1000.0)
                .put("memory_bytes", limits.memoryBytes()));
        p.version("clingo", clingoVersion);
        return p;
    }

    /** Returns a builder holding this configuration, to change some values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.dataset = dataset;
        b.questions = questions;
        b.scenes = scenes;
        b.theoryDir = theoryDir;
        b.deletePredicate = deletePredicate;
        b.deleteFraction = deleteFraction;
        b.seed = seed;
        b.train = train;
        b.test = test;
        b.loop = loop;
        b.proposer = proposer;
        b.llm = llm;
        b.bounds = bounds;
        b.limits = limits;
        b.out = out;
        b.commandLine = commandLine;
        return b;
    }

    /** Returns the dataset. */
    public Dataset dataset() {
        return dataset;
    }

    /** Returns the questions file. */
    public Path questions() {
        return questions;
    }

    /** Returns the scenes (CLEVR) or scene-graphs (GQA) file. */
    public Path scenes() {
        return scenes;
    }

    /** Returns the theory directory ({@code theory.lp}, {@code modes.lp}), or null for the bundled theory. */
    public Path theoryDir() {
        return theoryDir;
    }

    /** Returns the predicate whose rules are deleted, or null. */
    public PredicateSelector deletePredicate() {
        return deletePredicate;
    }

    /** Returns the fraction of rules deleted at random, or null. */
    public Double deleteFraction() {
        return deleteFraction;
    }

    /** Returns the seed of the split and of random deletions. */
    public long seed() {
        return seed;
    }

    /** Returns the number of training examples. */
    public int train() {
        return train;
    }

    /** Returns the number of test questions. */
    public int test() {
        return test;
    }

    /** Returns the loop's batch size, retries and repairs. */
    public Distiller.Options loop() {
        return loop;
    }

    /** Returns the proposer kind. */
    public ProposerKind proposer() {
        return proposer;
    }

    /** Returns the language model's settings (for {@link ProposerKind#LLM}), or null. */
    public LlmSettings llm() {
        return llm;
    }

    /** Returns the enumeration's bounds. */
    public EnumerativeProposer.Bounds bounds() {
        return bounds;
    }

    /** Returns the limits of each guarded clingo run. */
    public GuardedClingo.Limits limits() {
        return limits;
    }

    /** Returns the run directory. */
    public Path out() {
        return out;
    }

    /** Returns the command line, for provenance (never holds a key: keys come from the environment). */
    public List<String> commandLine() {
        return commandLine;
    }

    /** Builds a {@link DistillConfig}: {@code setX} for required values, {@code optX} for the others. */
    public static final class Builder {
        private Dataset dataset = Dataset.CLEVR;
        private Path questions;
        private Path scenes;
        private Path theoryDir;
        private PredicateSelector deletePredicate;
        private Double deleteFraction;
        private long seed;
        private int train = 20;
        private int test = 500;
        private Distiller.Options loop;
        private ProposerKind proposer = ProposerKind.ENUMERATIVE;
        private LlmSettings llm;
        private EnumerativeProposer.Bounds bounds = EnumerativeProposer.Bounds.DEFAULT;
        private GuardedClingo.Limits limits = GuardedClingo.Limits.DEFAULT;
        private Path out;
        private List<String> commandLine = List.of();

        private Builder() {
        }

        /** Sets the dataset files. */
        public Builder setData(Dataset dataset, Path questions, Path scenes) {
            this.dataset = Objects.requireNonNull(dataset, "dataset");
            this.questions = Objects.requireNonNull(questions, "questions");
            this.scenes = Objects.requireNonNull(scenes, "scenes");
            return this;
        }

        /** Sets the run directory. */
        public Builder setOut(Path out) {
            this.out = Objects.requireNonNull(out, "out");
            return this;
        }

        /** Sets a theory directory instead of the bundled theory. */
        public Builder optTheoryDir(Path dir) {
            this.theoryDir = dir;
            return this;
        }

        /** Deletes every rule of a predicate. */
        public Builder optDeletePredicate(PredicateSelector p) {
            this.deletePredicate = p;
            return this;
        }

        /** Deletes a fraction of the rules at random (with the seed). */
        public Builder optDeleteFraction(Double f) {
            this.deleteFraction = f;
            return this;
        }

        /** Sets the seed. */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Sets the number of training examples. */
        public Builder optTrain(int n) {
            this.train = n;
            return this;
        }

        /** Sets the number of test questions. */
        public Builder optTest(int n) {
            this.test = n;
            return this;
        }

        /**
         * Sets the loop's knobs (default: {@link Distiller.Options#DEFAULT} with the batch size
         * {@link #defaultBatch} gives).
         */
        public Builder optLoop(Distiller.Options o) {
            this.loop = Objects.requireNonNull(o, "loop");
            return this;
        }

        /** Sets the proposer; a language model needs its settings. */
        public Builder optProposer(ProposerKind kind, LlmSettings settings) {
            this.proposer = Objects.requireNonNull(kind, "proposer");
            this.llm = settings;
            return this;
        }

        /** Sets the enumeration's bounds. */
        public Builder optBounds(EnumerativeProposer.Bounds b) {
            this.bounds = Objects.requireNonNull(b, "bounds");
            return this;
        }

        /** Sets the limits of each guarded clingo run. */
        public Builder optLimits(GuardedClingo.Limits l) {
            this.limits = Objects.requireNonNull(l, "limits");
            return this;
        }

        /** Sets the command line recorded in the provenance. */
        public Builder optCommandLine(List<String> c) {
            this.commandLine = c == null ? List.of() : List.copyOf(c);
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @throws IllegalArgumentException naming the bad value
         */
        public DistillConfig build() {
            if (questions == null || scenes == null) {
                throw new IllegalArgumentException("the dataset's questions and scenes files are needed");
            }
            if (out == null) {
                throw new IllegalArgumentException("a run directory (out) is needed");
            }
            if (deletePredicate != null && deleteFraction != null) {
                throw new IllegalArgumentException("delete either the rules of a predicate or a fraction of the rules,"
                        + " not both");
            }
            if (deleteFraction != null && !(deleteFraction > 0 && deleteFraction <= 1)) {
                throw new IllegalArgumentException("the fraction of rules to delete must be in (0, 1], was "
                        + deleteFraction);
            }
            if (train < 1) {
                throw new IllegalArgumentException("train must be at least 1, was " + train);
            }
            if (test < 1) {
                throw new IllegalArgumentException("test must be at least 1, was " + test);
            }
            if (proposer == ProposerKind.LLM && llm == null) {
                throw new IllegalArgumentException("the llm proposer needs model settings");
            }
            return new DistillConfig(this);
        }
    }
}
