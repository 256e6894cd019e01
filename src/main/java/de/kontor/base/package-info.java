/**
 * What every module stands on: the embedded database, the UI frame (main layout, error handling,
 * preferences), the audit log, exports of grids, texts in German and English, secrets at rest and
 * demo data. An open module: every feature module may use its subpackages.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package de.kontor.base;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
