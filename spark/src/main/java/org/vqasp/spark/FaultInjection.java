package org.vqasp.spark;

import org.apache.spark.TaskContext;

/**
 * Lets tests check that Spark retries a lost task: the system property {@code vqasp.spark.failOnce=JOB:PART}
 * (such as {@code eval:1}) makes the first attempt of that partition throw, {@code eval:1:always} every attempt (a job
 * that dies). Unset in real runs.
 */
final class FaultInjection {

    static final String PROPERTY = "vqasp.spark.failOnce";

    private FaultInjection() {
    }

    static void maybeFail(String job, int partition) {
        String spec = System.getProperty(PROPERTY);
        TaskContext task = TaskContext.get();
        if (spec == null) {
            return;
        }
        boolean always = spec.equals(job + ":" + partition + ":always");
        if (always || spec.equals(job + ":" + partition) && task != null && task.attemptNumber() == 0) {
            throw new IllegalStateException("injected failure of the first attempt at " + spec);
        }
    }
}
