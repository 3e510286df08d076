/**
 * Helpers shared by the test suites of every module (test scope only, never shipped in the
 * application): the location of the real observed data beside the project.
 */
package org.radioclr.testkit;
