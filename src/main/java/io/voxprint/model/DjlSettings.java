package io.voxprint.model;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DJL switches Voxprint runs with. They are read by DJL when its classes start, so {@link #apply()}
 * runs before any DJL class is touched. This class itself imports nothing of DJL for that reason.
 */
final class DjlSettings {
    private static final Logger LOG = LoggerFactory.getLogger(DjlSettings.class);

    static final String OFFLINE = "ai.djl.offline";
    /** The name DJL 0.21 reads for the same switch (Utils.openUrl, Ec2Utils.callHome). */
    static final String OFFLINE_DJL_021 = "offline";
    /** DJL reads this name as an environment variable or a system property (Ec2Utils.callHome). */
    static final String OPT_OUT_TRACKING = "OPT_OUT_TRACKING";
    static final String GRAPH_OPTIMIZER = "ai.djl.pytorch.graph_optimizer";
    static final String NUM_THREADS = "ai.djl.pytorch.num_threads";

    private DjlSettings() {
    }

    /** Idempotent and cheap; called before every load. */
    static synchronized void apply() {
        // DJL lets the environment variable win over the property: refuse to run rather than go online
        String envOffline = System.getenv("DJL_OFFLINE");
        if (envOffline != null && !Boolean.parseBoolean(envOffline)) {
            throw new ModelException("The environment variable DJL_OFFLINE=" + envOffline
                    + " would let the model runtime use the network; unset it or set it to true.");
        }
        // offline mode stops model-zoo and native-library downloads and the telemetry call at engine start
        System.setProperty(OFFLINE, "true");
        System.setProperty(OFFLINE_DJL_021, "true");
        System.setProperty(OPT_OUT_TRACKING, "true");
        // the optimising graph executor re-specialises for every new input length: slow for audio
        System.setProperty(GRAPH_OPTIMIZER, "false");
        if (System.getProperty(NUM_THREADS) == null) {
            System.setProperty(NUM_THREADS, Integer.toString(Runtime.getRuntime().availableProcessors()));
        }
        OpenMpWaitPolicy.apply();
        AllocatorTuning.apply();
        OneDnnInstructionLimit.apply();
        LOG.debug("DJL settings: {}=true, {}=true, {}=false, {}={}", OFFLINE, OPT_OUT_TRACKING, GRAPH_OPTIMIZER,
                NUM_THREADS, System.getProperty(NUM_THREADS));
    }
}
