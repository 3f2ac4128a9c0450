package org.vqasp.language.clevr.learned;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.vqasp.nn.GroupedQueryAttention;
import org.vqasp.nn.TransformerEncoderLayer;

/**
 * A sequence-to-program network: a transformer encoder over the question's words and a recurrent decoder that
 * writes the program's prefix tokens ({@link ProgramGrammar}) while attending to the encoder.
 *
 * <p>Notation: B batch, S question words, T program tokens, D {@code dim}, V program tokens of the grammar.
 *
 * <ul>
 *   <li>Encoder: each word is the sum of its word embedding, the embedding of its {@link HumanLexicon} concept and
 *       a learned position embedding; then {@code layers} pre-norm {@link TransformerEncoderLayer}s whose
 *       self-attention is the project's {@link GroupedQueryAttention} (H heads, G key/value heads); a final layer
 *       norm. Output: memory (B, S, D). Questions in a batch have the same length, so no padding mask is needed.
 *   <li>Decoder input at step t: the sum of the embeddings of the previous token ({@code <start>} at t = 0), of the
 *       type the grammar owes at t and of the slot being filled (the parent token and which of its inputs),
 *       all known while decoding from the stack of {@link ProgramGrammar}.
 *   <li>Decoder: an LSTM (Hochreiter and Schmidhuber 1997; initial hidden state {@code tanh(W mean(memory))}),
 *       then a pre-norm cross-attention block ({@link GroupedQueryAttention} with the memory as keys and values)
 *       and a pre-norm GELU MLP, both residual, then a layer norm and a linear map to V logits (B, T, V).
 * </ul>
 *
 * <p>The recurrent decoder with attention follows Bahdanau et al., "Neural Machine Translation by Jointly Learning
 * to Align and Translate", ICLR 2015, as NS-VQA's parser does (Yi et al., NeurIPS 2018); the attention here is
 * scaled dot-product attention (Vaswani et al., NeurIPS 2017).
 *
 * <p>{@code forward} takes five int64 arrays: words (B, S), concepts (B, S), previous tokens (B, T), owed types
 * (B, T), slots (B, T); it returns logits (B, T, V). {@link #encode} and {@link #decode} split the same computation
 * for step-by-step decoding.
 */
public final class ParserNet extends AbstractBlock {

    private static final byte VERSION = 1;

    /** Number of owed types, {@link ProgramGrammar.Type}. */
    public static final int TYPES = ProgramGrammar.Type.values().length;

    /** Number of concept ids: none, then {@link HumanLexicon#CONCEPTS}. */
    public static final int CONCEPTS = HumanLexicon.CONCEPTS.size() + 1;

    private final ParserNetConfig config;
    private final Parameter wordEmbedding;
    private final Parameter conceptEmbedding;
    private final Parameter positionEmbedding;
    private final Parameter tokenEmbedding;
    private final Parameter typeEmbedding;
    private final Parameter slotEmbedding;
    private final List<TransformerEncoderLayer> encoder = new ArrayList<>();
    private final LayerNorm encoderNorm;
    private final Linear initialState;
    private final LSTM lstm;
    private final LayerNorm crossNorm;
    private final GroupedQueryAttention cross;
    private final LayerNorm mlpNorm;
    private final Linear fc1;
    private final Linear fc2;
    private final LayerNorm outputNorm;
    private final Linear output;

    /**
     * Creates the network; call {@code initialize} (or load parameters) before use.
     *
     * @param config the architecture
     */
    public ParserNet(ParserNetConfig config) {
        super(VERSION);
        this.config = config;
        wordEmbedding = addParameter(embedding("wordEmbedding"));
        conceptEmbedding = addParameter(embedding("conceptEmbedding"));
        positionEmbedding = addParameter(embedding("positionEmbedding"));
        tokenEmbedding = addParameter(embedding("tokenEmbedding"));
        typeEmbedding = addParameter(embedding("typeEmbedding"));
        slotEmbedding = addParameter(embedding("slotEmbedding"));
        for (int i = 0; i < config.layers(); i++) {
            GroupedQueryAttention attention = GroupedQueryAttention.builder().setEmbedDim(config.dim())
                    .setNumHeads(config.heads()).optNumKvHeads(config.kvHeads()).build();
            encoder.add(addChildBlock("encoder" + i, new TransformerEncoderLayer(attention, config.mlpDim())));
        }
        encoderNorm = addChildBlock("encoderNorm", LayerNorm.builder().axis(2).build());
        initialState = addChildBlock("initialState", Linear.builder().setUnits(config.dim()).build());
        lstm = addChildBlock("lstm", LSTM.builder().setStateSize(config.dim()).setNumLayers(1).optBatchFirst(true)
                .optReturnState(true).build());
        crossNorm = addChildBlock("crossNorm", LayerNorm.builder().axis(2).build());
        cross = addChildBlock("cross", GroupedQueryAttention.builder().setEmbedDim(config.dim())
                .setNumHeads(config.heads()).optNumKvHeads(config.kvHeads()).optCrossAttention(true).build());
        mlpNorm = addChildBlock("mlpNorm", LayerNorm.builder().axis(2).build());
        fc1 = addChildBlock("fc1", Linear.builder().setUnits(config.mlpDim()).build());
        fc2 = addChildBlock("fc2", Linear.builder().setUnits(config.dim()).build());
        outputNorm = addChildBlock("outputNorm", LayerNorm.builder().axis(2).build());
        output = addChildBlock("output", Linear.builder().setUnits(config.tokens()).build());
    }

    private static Parameter embedding(String name) {
        return Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT)
                .optInitializer(new NormalInitializer(0.5f)).build();
    }

    /** Returns the architecture. */
    public ParserNetConfig config() {
        return config;
    }

    /** Returns the id of the {@code <start>} token among the previous-token ids. */
    public int startToken() {
        return config.tokens();
    }

    /** Returns the slot id of the root (no parent). */
    public int rootSlot() {
        return 2 * config.tokens();
    }

    /** Returns the slot id of input {@code k} (0 or 1; later inputs share 1) of a parent token. */
    public static int slot(int parentToken, int k) {
        return 2 * parentToken + Math.min(k, 1);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList enc = encode(ps, inputs.get(0), inputs.get(1), training);
        NDList dec = decode(ps, enc.get(0), enc.get(1), enc.get(2), inputs.get(2), inputs.get(3), inputs.get(4),
                training);
        return new NDList(dec.get(0));
    }

    /**
     * Reads questions.
     *
     * @param words (B, S) word ids, int64
     * @param concepts (B, S) concept ids, int64
     * @return memory (B, S, D), initial hidden state (1, B, D), initial cell state (1, B, D)
     */
    public NDList encode(ParameterStore ps, NDArray words, NDArray concepts, boolean training) {
        var device = words.getDevice();
        long b = words.getShape().get(0);
        long s = words.getShape().get(1);
        NDArray x = lookup(words, ps.getValue(wordEmbedding, device, training)) // (B, S, D)
                .add(lookup(concepts, ps.getValue(conceptEmbedding, device, training)))
                .add(ps.getValue(positionEmbedding, device, training).get(new NDIndex("0:" + s))); // + (S, D)
        x = dropout(x, training);
        for (TransformerEncoderLayer layer : encoder) {
            x = layer.forward(ps, new NDList(x), training).head(); // (B, S, D)
        }
        NDArray memory = encoderNorm.forward(ps, new NDList(x), training).head(); // (B, S, D)
        NDArray h0 = initialState.forward(ps, new NDList(memory.mean(new int[] {1})), training).head() // (B, D)
                .tanh().reshape(1, b, config.dim()); // (1, B, D)
        NDArray c0 = h0.zerosLike(); // (1, B, D)
        return new NDList(memory, h0, c0);
    }

    /**
     * Writes logits for program steps, given the tokens before them.
     *
     * @param memory (B, S, D) from {@link #encode}
     * @param h hidden state (1, B, D)
     * @param c cell state (1, B, D)
     * @param previous (B, T) previous token ids ({@link #startToken()} first), int64
     * @param types (B, T) owed type ordinals, int64
     * @param slots (B, T) slot ids ({@link #slot}, {@link #rootSlot()}), int64
     * @return logits (B, T, V), hidden state (1, B, D), cell state (1, B, D) after the last step
     */
    public NDList decode(ParameterStore ps, NDArray memory, NDArray h, NDArray c, NDArray previous, NDArray types,
            NDArray slots, boolean training) {
        var device = memory.getDevice();
        NDArray in = lookup(previous, ps.getValue(tokenEmbedding, device, training)) // (B, T, D)
                .add(lookup(types, ps.getValue(typeEmbedding, device, training)))
                .add(lookup(slots, ps.getValue(slotEmbedding, device, training)));
        in = dropout(in, training);
        NDList rnn = lstm.forward(ps, new NDList(in, h, c), training); // (B, T, D), (1, B, D), (1, B, D)
        NDArray z = rnn.get(0);
        NDArray q = crossNorm.forward(ps, new NDList(z), training).head();
        z = z.add(dropout(cross.forward(ps, new NDList(q, memory), training).head(), training)); // (B, T, D)
        NDArray m = mlpNorm.forward(ps, new NDList(z), training).head();
        m = Activation.gelu(fc1.forward(ps, new NDList(m), training).head()); // (B, T, mlpDim)
        z = z.add(dropout(fc2.forward(ps, new NDList(m), training).head(), training)); // (B, T, D)
        z = outputNorm.forward(ps, new NDList(z), training).head();
        NDArray logits = output.forward(ps, new NDList(z), training).head(); // (B, T, V)
        return new NDList(logits, rnn.get(1), rnn.get(2));
    }

    private NDArray dropout(NDArray x, boolean training) {
        return training && config.dropout() > 0 ? Dropout.dropout(x, config.dropout(), true).head() : x;
    }

    private static NDArray lookup(NDArray ids, NDArray table) {
        return Embedding.embedding(ids, table, SparseFormat.DENSE).head();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape prev = inputShapes[2];
        return new Shape[] {new Shape(prev.get(0), prev.get(1), config.tokens())};
    }

    @Override
    public void prepare(Shape[] inputShapes) {
        int d = config.dim();
        wordEmbedding.setShape(new Shape(config.words(), d));
        conceptEmbedding.setShape(new Shape(CONCEPTS, d));
        positionEmbedding.setShape(new Shape(config.maxWords(), d));
        tokenEmbedding.setShape(new Shape(config.tokens() + 1, d));
        typeEmbedding.setShape(new Shape(TYPES, d));
        slotEmbedding.setShape(new Shape(2L * config.tokens() + 1, d));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long b = inputShapes[0].get(0);
        long s = inputShapes[0].get(1);
        long t = inputShapes[2].get(1);
        int d = config.dim();
        Shape words = new Shape(b, s, d);
        Shape steps = new Shape(b, t, d);
        for (TransformerEncoderLayer layer : encoder) {
            layer.initialize(manager, dataType, words);
        }
        encoderNorm.initialize(manager, dataType, words);
        initialState.initialize(manager, dataType, new Shape(b, d));
        lstm.initialize(manager, dataType, steps);
        crossNorm.initialize(manager, dataType, steps);
        cross.initialize(manager, dataType, steps, words);
        mlpNorm.initialize(manager, dataType, steps);
        fc1.initialize(manager, dataType, steps);
        fc2.initialize(manager, dataType, new Shape(b, t, config.mlpDim()));
        outputNorm.initialize(manager, dataType, steps);
        output.initialize(manager, dataType, steps);
    }

    /** Initialises every parameter for inputs of the given batch, question and program lengths. */
    public void initialize(NDManager manager, int batch, int words, int steps) {
        Shape w = new Shape(batch, words);
        Shape t = new Shape(batch, steps);
        initialize(manager, DataType.FLOAT32, w, w, t, t, t);
    }

    @Override
    protected void saveMetadata(DataOutputStream os) throws IOException {
        saveInputShapes(os);
        os.writeInt(config.words());
        os.writeInt(config.tokens());
        os.writeInt(config.dim());
        os.writeInt(config.layers());
    }

    @Override
    public void loadMetadata(byte loadVersion, DataInputStream is) throws IOException, MalformedModelException {
        if (loadVersion != VERSION) {
            throw new MalformedModelException("ParserNet: unsupported version " + loadVersion);
        }
        readInputShapes(is);
        int[] saved = {is.readInt(), is.readInt(), is.readInt(), is.readInt()};
        int[] mine = {config.words(), config.tokens(), config.dim(), config.layers()};
        if (!java.util.Arrays.equals(saved, mine)) {
            throw new MalformedModelException("ParserNet: saved (words, tokens, dim, layers) = "
                    + java.util.Arrays.toString(saved) + ", network has " + java.util.Arrays.toString(mine));
        }
    }
}
