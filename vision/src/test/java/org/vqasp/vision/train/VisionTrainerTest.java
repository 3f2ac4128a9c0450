package org.vqasp.vision.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vqasp.nn.LossLog;
import org.vqasp.world.SceneMetrics;

@Tag("slow") // training runs
class VisionTrainerTest {

    @TempDir
    static Path data;

    @BeforeAll
    static void makeData() throws Exception {
        TrainerFixtures.writeData(data, 24, 8);
    }

    private static TrainConfig.Builder tiny(Path out) {
        return TrainerFixtures.tiny(data, out);
    }

    @Test
    void should_train_write_model_files_and_lower_the_loss(@TempDir Path out) throws Exception {
        // given a tiny dataset
        List<Double> losses = new ArrayList<>();
        List<Integer> epochs = new ArrayList<>();
        // when training two epochs
        VisionTrainer.Result r = VisionTrainer.train(tiny(out).optEpochs(3).build(), new TrainListener() {
            @Override
            public void step(Progress p) {
                losses.add(p.loss());
            }

            @Override
            public void epoch(int epoch, double trainLoss, SceneMetrics.Evaluation validation) {
                epochs.add(epoch);
            }
        });
        // then the model directory holds the model, metrics and provenance, and the loss went down
        for (String f : List.of("config.json", "scene-net.params", "metrics.json", "provenance.json",
                "checkpoint/state.json", "checkpoint/optimizer.ndlist")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertEquals(List.of(1, 2, 3), epochs);
        assertEquals(18, losses.size());
        double first = (losses.get(0) + losses.get(1)) / 2;
        double last = (losses.get(16) + losses.get(17)) / 2;
        assertTrue(last < first, "loss " + first + " -> " + last);
        JsonNode prov = new ObjectMapper().readTree(out.resolve("provenance.json").toFile());
        assertEquals(5, prov.get("seed").asInt());
        assertEquals("--test", prov.get("command_line").get(3).asText());
        assertEquals(64, prov.get("dataset").get("train").get("sha256").asText().length());
        assertTrue(prov.get("versions").get("djl").asText().startsWith("0.36"), prov.toString());
        assertTrue(prov.get("java").asText().startsWith("17"), prov.toString());
        assertEquals(8, r.validation().images());
    }

    @Test
    void should_resume_a_killed_run_to_the_same_weights(@TempDir Path straight, @TempDir Path killed)
            throws Exception {
        // given one uninterrupted run
        VisionTrainer.train(tiny(straight).build(), new TrainListener() { });
        // when another run is killed after step 11 (checkpoint at step 8, inside epoch 2) and started again
        RuntimeException kill = new IllegalStateException("killed");
        assertThrows(IllegalStateException.class, () -> VisionTrainer.train(tiny(killed).build(),
                new TrainListener() {
                    @Override
                    public void step(Progress p) {
                        if (p.globalStep() == 11) {
                            throw kill;
                        }
                    }
                }));
        List<String> news = new ArrayList<>();
        VisionTrainer.Result r = VisionTrainer.train(tiny(killed).build(), new TrainListener() {
            @Override
            public void message(String line) {
                news.add(line);
            }
        });
        // then it resumed from step 8 and ends with the same weights
        assertTrue(r.resumed());
        assertTrue(news.stream().anyMatch(l -> l.contains("resumed at epoch 2, step 8")), news.toString());
        byte[] a = Files.readAllBytes(straight.resolve("scene-net.params"));
        byte[] b = Files.readAllBytes(killed.resolve("scene-net.params"));
        assertTrue(java.util.Arrays.equals(a, b), "weights differ after resume");
        // and its per-step loss log is the uninterrupted run's: the killed steps 9-11 were cut and taken again
        assertEquals(Files.readAllLines(straight.resolve(LossLog.FILE)), Files.readAllLines(killed.resolve(LossLog.FILE)));
    }

    @Test
    void should_start_from_another_model_s_weights(@TempDir Path first, @TempDir Path second) throws Exception {
        // given a trained model
        VisionTrainer.train(tiny(first).optEpochs(1).build(), new TrainListener() { });
        // when a run starts from it with a learning rate too small to move the weights
        List<String> news = new ArrayList<>();
        VisionTrainer.train(tiny(second).optEpochs(1).optLearningRate(1e-12).optInit(first).build(),
                new TrainListener() {
                    @Override
                    public void message(String line) {
                        news.add(line);
                    }
                });
        // then its weights are the first model's (batch-norm statistics aside) and provenance names the source
        assertTrue(news.stream().anyMatch(l -> l.startsWith("initialised from")), news.toString());
        JsonNode prov = new ObjectMapper().readTree(second.resolve("provenance.json").toFile());
        assertEquals(first.toAbsolutePath().normalize().toString(), prov.get("config").get("init").asText());
        assertEquals(5, prov.get("init_provenance").get("seed").asInt());
        try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager()) {
            var a = org.vqasp.vision.model.ModelDirectory.read(first, m).getParameters();
            var b = org.vqasp.vision.model.ModelDirectory.read(second, m).getParameters();
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).getKey().contains("running")) {
                    continue;
                }
                float diff = a.get(i).getValue().getArray().sub(b.get(i).getValue().getArray()).abs().max()
                        .getFloat();
                assertTrue(diff < 1e-6, a.get(i).getKey() + " moved by " + diff);
            }
        }
    }

    @Test
    void should_extend_a_finished_run_and_keep_every_session(@TempDir Path out) throws Exception {
        // given a finished two-epoch run
        VisionTrainer.Result first = VisionTrainer.train(tiny(out).build(), new TrainListener() { });
        // when the same command runs again with a third epoch
        VisionTrainer.Result second = VisionTrainer.train(tiny(out).optEpochs(3).build(), new TrainListener() { });
        // then it continues from the last step and the provenance lists both sessions
        assertTrue(second.resumed());
        assertEquals(first.steps() + 6, second.steps());
        JsonNode prov = new ObjectMapper().readTree(out.resolve("provenance.json").toFile());
        assertEquals(2, prov.get("sessions").size());
        assertEquals(12, prov.get("sessions").get(1).get("from_step").asInt());
        assertEquals(3, new ObjectMapper().readTree(out.resolve("metrics.json").toFile()).get("epochs").size());
    }

    @Test
    void should_up_train_a_dgqa_model_and_resume_it_to_the_same_weights(@TempDir Path gqa, @TempDir Path straight,
            @TempDir Path killed) throws Exception {
        // given a trained GQA model and a DGQA configuration (window 2) started from it
        VisionTrainer.train(tiny(gqa).optEpochs(1).build(), new TrainListener() { });
        org.vqasp.vision.model.SceneNetConfig dgqa = TrainerFixtures.TINY.withAttention(
                org.vqasp.nn.AttentionSpec.builder().setHeads(4).optKvHeads(2)
                        .optAllocation(new org.vqasp.nn.HeadAllocation.EmaKeyNorm(0.5, 2)).build());
        // when one run goes straight through and another is killed after step 10 and started again
        VisionTrainer.train(tiny(straight).optModel(dgqa).optInit(gqa).build(), new TrainListener() { });
        assertThrows(IllegalStateException.class, () -> VisionTrainer.train(tiny(killed).optModel(dgqa).optInit(gqa)
                .build(), new TrainListener() {
                    @Override
                    public void step(Progress p) {
                        if (p.globalStep() == 10) {
                            throw new IllegalStateException("killed");
                        }
                    }
                }));
        VisionTrainer.train(tiny(killed).optModel(dgqa).optInit(gqa).build(), new TrainListener() { });
        // then both end with the same weights and DGQA state (its norm average and counts are saved parameters)
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(straight.resolve("scene-net.params")),
                Files.readAllBytes(killed.resolve("scene-net.params"))), "weights differ after resume");
        try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager()) {
            var net = org.vqasp.vision.model.ModelDirectory.read(straight, m);
            assertEquals(dgqa.attention(), net.config().attention());
            var block = (org.vqasp.nn.GroupedQueryAttention) net.encoderLayers().get(0).attention();
            assertEquals(4, java.util.Arrays.stream(block.currentAllocation()).sum());
            assertEquals(12f, block.getParameters().get("allocationSteps").getArray().getFloat(0));
        }
    }

    @Test
    void should_train_a_mixture_with_its_routing_loss(@TempDir Path out) throws Exception {
        // given a mixSGA configuration of experts with 2 and 1 key/value heads
        org.vqasp.vision.model.SceneNetConfig mix = TrainerFixtures.TINY.withAttention(
                org.vqasp.nn.AttentionSpec.builder().setHeads(4).optMixture(new org.vqasp.nn.GroupMixture(
                        List.of(2, 1), List.of(0.5, 0.5), 1.0)).build());
        List<Double> losses = new ArrayList<>();
        // when it trains from scratch
        VisionTrainer.train(tiny(out).optModel(mix).optEpochs(1).build(), new TrainListener() {
            @Override
            public void step(Progress p) {
                losses.add(p.loss() - p.terms()[0] - p.terms()[1] - p.terms()[2]);
            }
        });
        // then every step's loss holds a positive routing term beyond the scene terms
        assertEquals(6, losses.size());
        assertTrue(losses.stream().allMatch(l -> l > 1e-4 && Double.isFinite(l)), losses.toString());
    }
}
