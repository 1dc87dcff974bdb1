package org.parley.app.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loggers of the CLI. {@link #DETAIL} is routed to the log file only (see ParleyLogConfigurator), never to stderr:
 * the CLI prints one sentence per error itself and puts stack traces there.
 */
final class CliLog {
    /** File-only logger for failure detail that the user already saw as one sentence. */
    static final Logger DETAIL = LoggerFactory.getLogger("org.parley.app.cli.detail");

    private CliLog() {
    }
}
