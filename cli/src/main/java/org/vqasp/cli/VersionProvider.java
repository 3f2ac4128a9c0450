package org.vqasp.cli;

import picocli.CommandLine.IVersionProvider;

/** Prints the vqasp version and the Java runtime it runs on. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = Vqa.class.getPackage().getImplementationVersion();
        return new String[] {
            "vqa " + (v == null ? "0.1.0-SNAPSHOT" : v),
            "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch"),
        };
    }
}
