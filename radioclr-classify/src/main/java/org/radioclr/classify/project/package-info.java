/**
 * Two-dimensional projections of feature vectors (paper §3.2 Fig. 4, §5 Fig. 5(g) and A.3): UMAP,
 * PCA and t-SNE through Smile ({@link org.radioclr.classify.project.Projector}), the scatter plot
 * coloured by class or by a number such as the noise rms ({@link
 * org.radioclr.classify.project.ScatterPlot}), and the whole {@code project} job from a feature
 * table to the plot and its coordinates ({@link org.radioclr.classify.project.ProjectionJob}).
 */
package org.radioclr.classify.project;
