package org.vqasp.cli;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.djl.engine.EngineException;
import org.junit.jupiter.api.Test;
import org.vqasp.core.ErrorKind;
import org.vqasp.core.VqaspException;

class VqaErrorsTest {

    @Test
    void should_find_the_engine_failure_under_any_wrapping() {
        // given the failure DJL throws when PyTorch's native library is missing, wrapped as model loading wraps it
        EngineException engine = new EngineException("Failed to save pytorch index file");
        RuntimeException wrapped = new VqaspException(ErrorKind.VISION, "loading the model",
                new IllegalStateException("model", engine));
        // then the handler finds it (and prints the engine error with the rebuild advice), and nothing else
        assertSame(engine, Vqa.engineFailure(wrapped));
        assertSame(engine, Vqa.engineFailure(engine));
        assertNull(Vqa.engineFailure(new IllegalStateException("other")));
    }
}
