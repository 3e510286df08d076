/**
 * Two-dimensional projections of feature vectors (paper §3.2 Fig. 4, §5 Fig. 5(g) and A.3): UMAP,
 * PCA and t-SNE through Smile ({@link org.radioclr.classify.project.Projector}) and the scatter
 * plot coloured by class or by a number such as the noise rms ({@link
 * org.radioclr.classify.project.ScatterPlot}).
 */
package org.radioclr.classify.project;
