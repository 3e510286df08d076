/**
 * The paper's detection comparisons in one run (§4, Figs 9–10): backbone initialisations, frozen or
 * fine-tuned, over label fractions with repeated draws ({@link
 * org.radioclr.detect.study.DetectStudy}).
 */
package org.radioclr.detect.study;
