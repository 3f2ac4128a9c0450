package org.vqasp.distill;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a tiny Llama-architecture model in GGUF (version 3) with random weights: enough for llama.cpp's server
 * to load and generate from, so the OpenAI adapter can be tested against a real server. No weights can be
 * downloaded here, and none are needed: the tests check the plumbing, not the quality of the rules.
 *
 * <p>The vocabulary is SentencePiece-style: {@code <unk>}, {@code <s>}, {@code </s>} and the 256 byte tokens
 * {@code <0x00>}..{@code <0xFF>}, so any text tokenises byte by byte; a ChatML chat template is included.
 * Tensors are F32 in GGUF's dimension order (innermost first).
 */
final class TinyGguf {

    private static final int ALIGNMENT = 32;
    private static final int T_UINT32 = 4;
    private static final int T_INT32 = 5;
    private static final int T_FLOAT32 = 6;
    private static final int T_BOOL = 7;
    private static final int T_STRING = 8;
    private static final int T_ARRAY = 9;

    /** Embedding width. */
    static final int EMBD = 64;
    /** Attention heads. */
    static final int HEADS = 4;
    /** Layers. */
    static final int LAYERS = 2;
    /** Feed-forward width. */
    static final int FF = 128;
    /** Context length. */
    static final int CONTEXT = 32768;
    /** Vocabulary size: three special tokens and 256 bytes. */
    static final int VOCAB = 3 + 256;

    private static final String CHATML = "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' "
            + "+ message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}{% if add_generation_prompt %}"
            + "{{ '<|im_start|>assistant\\n' }}{% endif %}";

    private TinyGguf() {
    }

    /**
     * Writes the model.
     *
     * @param file where to write it
     * @param seed the seed of the random weights
     * @throws IOException when the file cannot be written
     */
    static void write(Path file, long seed) throws IOException {
        Map<String, Object[]> kv = new LinkedHashMap<>();
        kv.put("general.architecture", new Object[] {T_STRING, "llama"});
        kv.put("general.name", new Object[] {T_STRING, "vqasp-tiny-random"});
        kv.put("general.alignment", new Object[] {T_UINT32, ALIGNMENT});
        kv.put("llama.context_length", new Object[] {T_UINT32, CONTEXT});
        kv.put("llama.embedding_length", new Object[] {T_UINT32, EMBD});
        kv.put("llama.block_count", new Object[] {T_UINT32, LAYERS});
        kv.put("llama.feed_forward_length", new Object[] {T_UINT32, FF});
        kv.put("llama.attention.head_count", new Object[] {T_UINT32, HEADS});
        kv.put("llama.attention.head_count_kv", new Object[] {T_UINT32, HEADS});
        kv.put("llama.rope.dimension_count", new Object[] {T_UINT32, EMBD / HEADS});
        kv.put("llama.attention.layer_norm_rms_epsilon", new Object[] {T_FLOAT32, 1e-5f});
        kv.put("llama.vocab_size", new Object[] {T_UINT32, VOCAB});
        List<String> tokens = new ArrayList<>(List.of("<unk>", "<s>", "</s>"));
        float[] scores = new float[VOCAB];
        int[] types = new int[VOCAB];
        types[0] = 2;
        types[1] = 3;
        types[2] = 3;
        for (int b = 0; b < 256; b++) {
            tokens.add(String.format("<0x%02X>", b));
            types[3 + b] = 6;
        }
        kv.put("tokenizer.ggml.model", new Object[] {T_STRING, "llama"});
        kv.put("tokenizer.ggml.tokens", new Object[] {T_ARRAY, T_STRING, tokens});
        kv.put("tokenizer.ggml.scores", new Object[] {T_ARRAY, T_FLOAT32, scores});
        kv.put("tokenizer.ggml.token_type", new Object[] {T_ARRAY, T_INT32, types});
        kv.put("tokenizer.ggml.unknown_token_id", new Object[] {T_UINT32, 0});
        kv.put("tokenizer.ggml.bos_token_id", new Object[] {T_UINT32, 1});
        kv.put("tokenizer.ggml.eos_token_id", new Object[] {T_UINT32, 2});
        kv.put("tokenizer.ggml.add_bos_token", new Object[] {T_BOOL, true});
        kv.put("tokenizer.ggml.add_eos_token", new Object[] {T_BOOL, false});
        kv.put("tokenizer.chat_template", new Object[] {T_STRING, CHATML});

        Map<String, long[]> tensors = new LinkedHashMap<>();
        tensors.put("token_embd.weight", new long[] {EMBD, VOCAB});
        tensors.put("output_norm.weight", new long[] {EMBD});
        tensors.put("output.weight", new long[] {EMBD, VOCAB});
        for (int l = 0; l < LAYERS; l++) {
            String p = "blk." + l + ".";
            tensors.put(p + "attn_norm.weight", new long[] {EMBD});
            tensors.put(p + "attn_q.weight", new long[] {EMBD, EMBD});
            tensors.put(p + "attn_k.weight", new long[] {EMBD, EMBD});
            tensors.put(p + "attn_v.weight", new long[] {EMBD, EMBD});
            tensors.put(p + "attn_output.weight", new long[] {EMBD, EMBD});
            tensors.put(p + "ffn_norm.weight", new long[] {EMBD});
            tensors.put(p + "ffn_gate.weight", new long[] {EMBD, FF});
            tensors.put(p + "ffn_up.weight", new long[] {EMBD, FF});
            tensors.put(p + "ffn_down.weight", new long[] {FF, EMBD});
        }

        Random rnd = new Random(seed);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            Writer w = new Writer(out);
            w.u32(0x46554747);
            w.u32(3);
            w.u64(tensors.size());
            w.u64(kv.size());
            for (Map.Entry<String, Object[]> e : kv.entrySet()) {
                w.str(e.getKey());
                w.value(e.getValue());
            }
            long offset = 0;
            for (Map.Entry<String, long[]> e : tensors.entrySet()) {
                w.str(e.getKey());
                w.u32(e.getValue().length);
                for (long d : e.getValue()) {
                    w.u64(d);
                }
                w.u32(0);
                w.u64(offset);
                offset += align(4 * count(e.getValue()));
            }
            w.pad();
            for (Map.Entry<String, long[]> e : tensors.entrySet()) {
                long n = count(e.getValue());
                boolean norm = e.getKey().endsWith("norm.weight");
                ByteBuffer buf = ByteBuffer.allocate((int) (4 * n)).order(ByteOrder.LITTLE_ENDIAN);
                for (long i = 0; i < n; i++) {
                    buf.putFloat(norm ? 1f : (float) (rnd.nextGaussian() * 0.5));
                }
                w.bytes(buf.array());
                w.pad();
            }
        }
    }

    private static long count(long[] dims) {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        return n;
    }

    private static long align(long n) {
        return (n + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }

    /** Little-endian GGUF primitives, counting bytes for alignment. */
    private static final class Writer {
        private final OutputStream out;
        private long written;

        Writer(OutputStream out) {
            this.out = out;
        }

        void bytes(byte[] b) throws IOException {
            out.write(b);
            written += b.length;
        }

        void u32(long v) throws IOException {
            bytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array());
        }

        void u64(long v) throws IOException {
            bytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
        }

        void f32(float v) throws IOException {
            bytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(v).array());
        }

        void str(String s) throws IOException {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            u64(b.length);
            bytes(b);
        }

        void pad() throws IOException {
            while (written % ALIGNMENT != 0) {
                bytes(new byte[] {0});
            }
        }

        void value(Object[] v) throws IOException {
            int type = (Integer) v[0];
            u32(type);
            if (type == T_ARRAY) {
                int elem = (Integer) v[1];
                u32(elem);
                if (v[2] instanceof List<?> list) {
                    u64(list.size());
                    for (Object o : list) {
                        str((String) o);
                    }
                } else if (v[2] instanceof float[] fs) {
                    u64(fs.length);
                    for (float f : fs) {
                        f32(f);
                    }
                } else {
                    int[] is = (int[]) v[2];
                    u64(is.length);
                    for (int i : is) {
                        u32(i);
                    }
                }
                return;
            }
            switch (type) {
                case T_UINT32, T_INT32 -> u32(((Number) v[1]).longValue());
                case T_FLOAT32 -> f32((Float) v[1]);
                case T_BOOL -> bytes(new byte[] {(byte) ((Boolean) v[1] ? 1 : 0)});
                case T_STRING -> str((String) v[1]);
                default -> throw new IllegalArgumentException("unsupported GGUF type " + type);
            }
        }
    }
}
