/** How modules declare their recurring Quartz jobs: jobs only trigger service methods. */
@NullMarked
package de.kontor.base.jobs;

import org.jspecify.annotations.NullMarked;
