package org.vqasp.reasoning.clingo;

import java.util.List;
import java.util.Objects;

/**
 * An immutable clingo term, copied out of clingo's symbol table: a number, a string, a function
 * (constants are functions without arguments; tuples are functions with an empty name), {@code #inf}
 * or {@code #sup}.
 *
 * @param type what kind of term it is
 * @param number the value of a number (0 otherwise)
 * @param name the function name or the string's text (empty otherwise)
 * @param args the function's arguments (empty otherwise)
 * @param positive false for a classically negated function {@code -f(x)}
 */
public record Symbol(Type type, int number, String name, List<Symbol> args, boolean positive) {

    /** Kinds of clingo symbols. */
    public enum Type {
        /** {@code #inf}. */
        INFIMUM,
        /** An integer. */
        NUMBER,
        /** A quoted string. */
        STRING,
        /** A constant, function or tuple. */
        FUNCTION,
        /** {@code #sup}. */
        SUPREMUM
    }

    /** Checks and copies the fields. */
    public Symbol {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        args = List.copyOf(args);
    }

    /** Creates a number. */
    public static Symbol number(int n) {
        return new Symbol(Type.NUMBER, n, "", List.of(), true);
    }

    /** Creates a string. */
    public static Symbol string(String s) {
        return new Symbol(Type.STRING, 0, s, List.of(), true);
    }

    /** Creates a function or constant. */
    public static Symbol function(String name, List<Symbol> args) {
        return new Symbol(Type.FUNCTION, 0, name, args, true);
    }

    /**
     * Parses a ground term as the {@code clingo} program prints it, such as {@code answer(3,"license plate")}.
     *
     * @param text the term
     * @return the symbol
     * @throws IllegalArgumentException naming the offset when the text is not a term
     */
    public static Symbol parse(String text) {
        return SymbolParser.parse(text);
    }

    /** Returns the argument at an index. */
    public Symbol arg(int i) {
        return args.get(i);
    }

    /** Returns the number of arguments. */
    public int arity() {
        return args.size();
    }

    /** Returns the value of a number; throws for any other symbol. */
    public int asNumber() {
        if (type != Type.NUMBER) {
            throw new IllegalStateException("not a number: " + this);
        }
        return number;
    }

    /** Returns true for a number. */
    public boolean isNumber() {
        return type == Type.NUMBER;
    }

    /** Returns true for a function with this name and arity. */
    public boolean is(String functionName, int arity) {
        return type == Type.FUNCTION && name.equals(functionName) && args.size() == arity;
    }

    /**
     * Returns the term as an answer text: numbers as digits, strings unquoted, constants by name,
     * anything else in clingo syntax.
     */
    public String asText() {
        return switch (type) {
            case NUMBER -> Integer.toString(number);
            case STRING -> name;
            default -> toString();
        };
    }

    /** Returns the term in clingo syntax. */
    @Override
    public String toString() {
        switch (type) {
            case INFIMUM:
                return "#inf";
            case SUPREMUM:
                return "#sup";
            case NUMBER:
                return Integer.toString(number);
            case STRING:
                return '"' + name.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"") + '"';
            default:
                StringBuilder sb = new StringBuilder();
                if (!positive) {
                    sb.append('-');
                }
                sb.append(name);
                if (!args.isEmpty() || name.isEmpty()) {
                    sb.append('(');
                    for (int i = 0; i < args.size(); i++) {
                        if (i > 0) {
                            sb.append(',');
                        }
                        sb.append(args.get(i));
                    }
                    if (name.isEmpty() && args.size() == 1) {
                        sb.append(',');
                    }
                    sb.append(')');
                }
                return sb.toString();
        }
    }
}
