/**
 * Kontor: the office of a workshop, makerspace or club in one application. Each subpackage is a module
 * (Spring Modulith): {@code base} and {@code security} underneath, the feature modules on top.
 */
@NullMarked
package de.kontor;

import org.jspecify.annotations.NullMarked;
