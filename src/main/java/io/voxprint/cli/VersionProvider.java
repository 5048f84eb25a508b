package io.voxprint.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, so it never drifts from the build. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = VoxprintCli.class.getPackage().getImplementationVersion();
        return new String[] {"voxprint " + (v == null ? "development build" : v)};
    }
}
