/** The admin view of monitored nodes: add a node (its token shown once), status, last report. */
@NullMarked
package de.kontor.monitoring.ui;

import org.jspecify.annotations.NullMarked;
