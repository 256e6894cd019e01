/**
 * Views of the license server: licenses, products with their client keys and Gitea settings, a license's
 * page with activations and usage, and Kontor's own module licenses.
 */
@NullMarked
package de.kontor.license.ui;

import org.jspecify.annotations.NullMarked;
