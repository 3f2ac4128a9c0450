package org.vqasp.language.clevr.learned;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.InputException;
import org.vqasp.core.clevr.ClevrDataset;
import org.vqasp.core.clevr.ClevrQuestion;
import org.vqasp.core.clevr.ClevrScene;
import org.vqasp.language.clevr.learned.ProgramGrammar.Token;
import org.vqasp.world.SceneSampler;
import org.vqasp.world.questions.QuestionGenerator;
import org.vqasp.world.questions.TemplateLibrary;

/**
 * Everything a parser training run learns from and is measured on, made deterministically from its configuration:
 * questions the CLEVR generator writes over sampled scenes (no rendering) with their programs, a separate set of
 * generated validation questions, the human questions with answers split by {@link HumanSplit}, unlabelled human
 * wording, and the word vocabulary counted over all of them except the validation questions.
 */
final class ParserTrainingData {

    /**
     * A question with its program.
     *
     * @param text the question
     * @param target the program's prefix tokens
     * @param source where it came from: {@code generated}, {@code human} (answer search) or {@code self}
     */
    record Example(String text, List<Token> target, String source) {
    }

    /**
     * A human question with its gold scene.
     *
     * @param question the question with its answer
     * @param scene the scene
     */
    record HumanQuestion(ClevrQuestion question, ClevrScene scene) {
    }

    /** Scenes of the generated validation questions. */
    static final int VALIDATION_SCENES = 60;

    final List<Example> generated = new ArrayList<>();
    final List<Example> generatedValidation = new ArrayList<>();
    final List<HumanQuestion> humanTrain = new ArrayList<>();
    final List<HumanQuestion> humanValidation = new ArrayList<>();
    final List<ClevrQuestion> wording = new ArrayList<>();
    final List<Example> teacherLabels = new ArrayList<>();
    final Map<String, String> hashes = new TreeMap<>();
    int skippedPrograms;
    WordVocabulary vocabulary;

    private ParserTrainingData() {
    }

    /**
     * Makes and reads the data of a run.
     *
     * @param progress receives one line per stage
     * @throws InputException when a given file cannot be read
     */
    static ParserTrainingData load(ParserTrainConfig c, ProgramGrammar grammar,
            java.util.function.Function<String, org.vqasp.core.clevr.Program> teacher,
            java.util.function.Consumer<String> progress) {
        ParserTrainingData d = new ParserTrainingData();
        TemplateLibrary library = TemplateLibrary.load();
        SceneSampler sampler = SceneSampler.builder().build();
        QuestionGenerator gen = new QuestionGenerator(library, c.seed());
        MessageDigest generatedDigest = sha256();
        for (int i = 0; i < c.generatedScenes(); i++) {
            ClevrScene scene = sampler.sample("train", i, mix(c.seed(), 1, i)).scene();
            d.add(gen.generate(scene, c.questionsPerScene()), grammar, d.generated, generatedDigest);
            if ((i + 1) % 1000 == 0) {
                progress.accept("generated questions over " + (i + 1) + " of " + c.generatedScenes() + " scenes");
            }
        }
        for (Path file : c.extraScenes()) {
            List<ClevrScene> scenes = new ArrayList<>(ClevrDataset.loadScenes(file).scenes().values());
            scenes.sort((a, b) -> Integer.compare(a.imageIndex(), b.imageIndex()));
            for (ClevrScene s : scenes) {
                d.add(gen.generate(s, c.questionsPerScene()), grammar, d.generated, generatedDigest);
            }
            d.hashes.put(file.toString(), fileHash(file));
        }
        d.hashes.put("generated", HexFormat.of().formatHex(generatedDigest.digest()));
        QuestionGenerator valGen = new QuestionGenerator(library, c.seed() + 1);
        MessageDigest valDigest = sha256();
        for (int i = 0; i < VALIDATION_SCENES; i++) {
            ClevrScene scene = sampler.sample("val", i, mix(c.seed(), 2, i)).scene();
            d.add(valGen.generate(scene, 5), grammar, d.generatedValidation, valDigest);
        }
        d.hashes.put("generated_validation", HexFormat.of().formatHex(valDigest.digest()));
        progress.accept(d.generated.size() + " generated training questions, " + d.generatedValidation.size()
                + " generated validation questions");
        if (c.humanQuestions() != null) {
            ClevrDataset.SceneIndex scenes = ClevrDataset.loadScenes(c.humanScenes());
            for (ClevrQuestion q : ClevrDataset.loadQuestions(c.humanQuestions())) {
                ClevrScene s = scenes.get(q.imageIndex());
                if (s == null || q.answer() == null) {
                    continue;
                }
                (HumanSplit.isValidation(q.imageIndex()) ? d.humanValidation : d.humanTrain)
                        .add(new HumanQuestion(q, s));
            }
            d.hashes.put(c.humanQuestions().toString(), fileHash(c.humanQuestions()));
            d.hashes.put(c.humanScenes().toString(), fileHash(c.humanScenes()));
            progress.accept(d.humanTrain.size() + " human questions to label, " + d.humanValidation.size()
                    + " human validation questions (images with index % 5 == 1)");
        }
        if (c.wording() != null) {
            d.wording.addAll(ClevrDataset.loadQuestions(c.wording()));
            d.hashes.put(c.wording().toString(), fileHash(c.wording()));
            for (int i = 0; i < Math.min(c.selfTrain(), d.wording.size()); i++) {
                ClevrQuestion q = d.wording.get(i);
                org.vqasp.core.clevr.Program p = teacher.apply(q.question());
                if (p == null) {
                    continue;
                }
                try {
                    List<Token> tokens = grammar.tokens(p);
                    if (tokens.get(0).output() == AnswerSearchLabeller.answerType(q.answer())) {
                        d.teacherLabels.add(new Example(q.question(), tokens, "teacher"));
                    }
                } catch (IllegalArgumentException e) {
                    // a reading outside this grammar
                }
            }
            if (c.selfTrain() > 0) {
                progress.accept(d.teacherLabels.size() + " of " + Math.min(c.selfTrain(), d.wording.size())
                        + " unlabelled human questions read by the teacher parsers with the answer's type");
            }
        }
        d.vocabulary = d.countWords(c);
        progress.accept("vocabulary: " + d.vocabulary.size() + " words");
        return d;
    }

    private void add(List<ClevrQuestion> questions, ProgramGrammar grammar, List<Example> into, MessageDigest digest) {
        for (ClevrQuestion q : questions) {
            List<Token> tokens;
            try {
                tokens = grammar.tokens(q.program());
            } catch (IllegalArgumentException e) {
                skippedPrograms++;
                continue;
            }
            into.add(new Example(q.question(), tokens, "generated"));
            digest.update((q.question() + "\t" + q.program() + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Counts words of the training questions (and a paraphrase of each), human questions and wording. */
    private WordVocabulary countWords(ParserTrainConfig c) {
        Map<String, Integer> counts = new HashMap<>();
        Paraphraser paraphraser = new Paraphraser();
        SplittableRandom rnd = new SplittableRandom(mix(c.seed(), 3, 0));
        for (Example e : generated) {
            count(e.text(), counts);
            count(paraphraser.paraphrase(e.text(), rnd), counts);
        }
        for (HumanQuestion h : humanTrain) {
            count(h.question().question(), counts);
        }
        for (ClevrQuestion q : wording) {
            count(q.question(), counts);
        }
        return WordVocabulary.fromCounts(counts, c.minWordCount());
    }

    private static void count(String text, Map<String, Integer> counts) {
        for (String w : QuestionWords.split(text)) {
            counts.merge(w, 1, Integer::sum);
        }
    }

    static long mix(long seed, long stream, long position) {
        long h = seed * 0x9E3779B97F4A7C15L ^ stream * 0xD1B54A32D192ED03L ^ position * 0x94D049BB133111EBL;
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    static String fileHash(Path file) {
        MessageDigest md = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        } catch (IOException e) {
            throw new InputException(ErrorKind.UNREADABLE_FILE, file + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Returns one hash over every data hash. */
    String combinedHash() {
        MessageDigest md = sha256();
        hashes.forEach((k, v) -> md.update((k.replaceAll(".*/", "") + "=" + v + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(md.digest());
    }
}
