package org.vqasp.reasoning.clingo;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LibraryPoolTest {

    @Test
    void should_lend_each_thread_its_own_copy_of_the_library_and_the_same_copy_again_to_one_thread() throws Exception {
        // given the pool (one copy per core, at least two)
        LibraryPool pool = Clingo.pool();
        ClingoNative mine = pool.acquire();
        try {
            // when this thread asks again it gets the copy it holds
            assertSame(mine, pool.acquire());
            pool.release();
            // and another thread, asking while this one holds its copy, gets another copy
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                Future<ClingoNative> theirs = other.submit(() -> {
                    ClingoNative lib = pool.acquire();
                    pool.release();
                    return lib;
                });
                assertNotSame(mine, theirs.get());
            } finally {
                other.shutdownNow();
            }
            // then a control made by this thread lives in this thread's copy
            try (Control a = Control.create()) {
                a.add("base", "p(hello).");
                a.ground("base");
                assertSame(mine, a.lib());
            }
        } finally {
            pool.release();
        }
    }
}
