/**
 * Peculiar-object search (paper §5): rank survey frames by how unusual their self-supervised
 * features look, measure how much ordinary sky the ranking rejects, and export the candidates.
 */
package org.radioclr.anomaly;
