package org.vqasp.language.clevr.grammar;

/** Development aid (not a test): the words and readings of questions. */
public final class GrammarDebug {
    public static void main(String[] args) {
        ClevrGrammarParser p = ClevrGrammarParser.load();
        for (String q : args) {
            System.out.println(q);
            System.out.println("  words " + p.words(q));
            int k = 0;
            for (ClevrGrammar.Reading r : p.readings(q)) {
                System.out.println("  " + r.cost() + " " + ProgramCompiler.compile(r.answer()) + "   [" + r.rule() + "]");
                if (++k >= 6) {
                    break;
                }
            }
            System.out.println("  -> " + p.parse(q));
        }
    }
}
