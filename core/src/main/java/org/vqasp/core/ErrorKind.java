package org.vqasp.core;

/**
 * The kinds of {@link VqaspException}, one name per meaning: what {@code predictions.jsonl} and the command line
 * report. {@code docs/CLI.md} lists them. The theories derive more kinds of their own for the steps of a program
 * (such as {@code unknown_function} or {@code missing_object}); those that Java code tests are here too.
 */
public final class ErrorKind {

    private ErrorKind() {
    }

    // ------------------------------------------------------------------ input: the command exits with 2

    /** A command-line value or combination that cannot be used. */
    public static final String BAD_USAGE = "bad_usage";
    /** {@code --spark} without Spark and the spark module on the class path. */
    public static final String SPARK_MISSING = "spark_missing";
    /** A file or directory that does not exist. */
    public static final String MISSING_FILE = "missing_file";
    /** A file that exists but cannot be read. */
    public static final String UNREADABLE_FILE = "unreadable_file";
    /** A file or directory that cannot be written (an output directory, a run directory, a picture). */
    public static final String UNWRITABLE = "unwritable";
    /** A file that is not JSON. */
    public static final String MALFORMED_JSON = "malformed_json";
    /** A JSON file that is not in the layout expected (no top-level array, a template that does not parse). */
    public static final String MALFORMED_FILE = "malformed_file";
    /** An input that holds nothing to work on (no scene, no image, no usable question). */
    public static final String EMPTY_INPUT = "empty_input";
    /** A dataset item that does not parse. */
    public static final String BAD_ITEM = "bad_item";
    /** A scene that cannot be used (unparseable, or missing what rendering needs). */
    public static final String BAD_SCENE = "bad_scene";
    /** A scene with more objects than an encoding numbers apart. */
    public static final String SCENE_TOO_LARGE = "scene_too_large";
    /** A file that is not an image the JDK can decode. */
    public static final String BAD_IMAGE = "bad_image";
    /** A program that cannot be encoded (too long, an input that is not an earlier step). */
    public static final String BAD_PROGRAM = "bad_program";
    /** A CLEVR colour outside the vocabulary. */
    public static final String UNKNOWN_COLOR = "unknown_color";
    /** A CLEVR shape outside the vocabulary. */
    public static final String UNKNOWN_SHAPE = "unknown_shape";
    /** A CLEVR material outside the vocabulary. */
    public static final String UNKNOWN_MATERIAL = "unknown_material";
    /** A CLEVR size outside the vocabulary. */
    public static final String UNKNOWN_SIZE = "unknown_size";
    /** A CoGenT condition other than A or B. */
    public static final String BAD_COGENT = "bad_cogent";
    /** A model directory without its configuration or weights. */
    public static final String MISSING_MODEL = "missing_model";
    /** A model directory whose configuration or weights do not load. */
    public static final String BAD_MODEL = "bad_model";
    /** A checkpoint that cannot be read. */
    public static final String BAD_CHECKPOINT = "bad_checkpoint";
    /** A checkpoint made from other data or settings. */
    public static final String CHECKPOINT_MISMATCH = "checkpoint_mismatch";
    /** An initial model of another architecture. */
    public static final String INIT_MISMATCH = "init_mismatch";
    /** A predictions file that is not one. */
    public static final String BAD_PREDICTIONS = "bad_predictions";
    /** A run directory that holds another run. */
    public static final String DIFFERENT_RUN = "different_run";
    /** A run directory whose log and files no longer agree. */
    public static final String BAD_RESUME = "bad_resume";
    /** A path given to {@code vqa report} that is neither a run directory nor a file that vqa writes. */
    public static final String NOT_A_RUN = "not_a_run";
    /** A predicate to delete that the theory does not define. */
    public static final String BAD_PREDICATE = "bad_predicate";
    /** A mode bias that does not solve or declares nothing. */
    public static final String BAD_MODES = "bad_modes";
    /** A theory without the mode bias the enumerative proposer needs. */
    public static final String MISSING_MODES = "missing_modes";
    /** A language model's key missing from the environment. */
    public static final String MISSING_KEY = "missing_key";

    // ------------------------------------------------------------------ items: error rows of a batch run

    /** A question whose image has no scene in the scenes file. */
    public static final String MISSING_SCENE = "missing_scene";
    /** A GQA question whose image has no scene graph. */
    public static final String MISSING_SCENE_GRAPH = "missing_scene_graph";
    /** A question without an image file. */
    public static final String MISSING_IMAGE = "missing_image";
    /** A question without a program. */
    public static final String MISSING_PROGRAM = "missing_program";
    /** A question the parser does not understand. */
    public static final String NOT_UNDERSTOOD = "not_understood";
    /** A program step naming a function the theory (or the reference executor) does not know. */
    public static final String UNKNOWN_FUNCTION = "unknown_function";
    /** A step that needs exactly one object and finds none or several (from the CLEVR theory). */
    public static final String UNIQUE = "unique";
    /** A program for which the theory derives no answer. */
    public static final String NO_ANSWER = "no_answer";
    /** A program for which the theory derives several answers. */
    public static final String AMBIGUOUS = "ambiguous";
    /** A program that reads a value the scene does not have (the reference executor). */
    public static final String BAD_VALUE = "bad_value";

    // ------------------------------------------------------------------ language models

    /** A model that failed in a retriable way (time-out, rate limit, server error) through every retry. */
    public static final String LLM_UNAVAILABLE = "llm_unavailable";
    /** A model that refused the request (a bad key, an unknown model, an invalid request). */
    public static final String LLM_REFUSED = "llm_refused";
    /** A model's reply that holds nothing usable. */
    public static final String LLM_BAD_REPLY = "llm_bad_reply";
    /** A program from a model that the theory refuses. */
    public static final String LLM_PROGRAM_REFUSED = "llm_program_refused";

    // ------------------------------------------------------------------ internal: the command exits with 1

    /** A file operation that failed where the input was fine. */
    public static final String IO = "io";
    /** A run stopped by an interrupt. */
    public static final String INTERRUPTED = "interrupted";
    /** An unexpected failure. */
    public static final String INTERNAL = "internal";
    /** clingo failed (in-process). */
    public static final String CLINGO = "clingo";
    /** The {@code clingo} program is not installed. */
    public static final String CLINGO_MISSING = "clingo_missing";
    /** A bundled resource missing from the class path (a damaged build). */
    public static final String MISSING_RESOURCE = "missing_resource";
    /** The scene-graph extractor failed. */
    public static final String VISION = "vision";
    /** The deep-learning engine (PyTorch, through DJL) cannot start: its native library is missing or broken. */
    public static final String ENGINE = "engine";
    /** Rendering failed. */
    public static final String RENDER = "render";
    /** No placement of a scene's objects passes the visibility rule. */
    public static final String PLACEMENT = "placement";
    /** Training diverged. */
    public static final String DIVERGED = "diverged";
    /** A benchmark could not run. */
    public static final String BENCH = "bench";
}
