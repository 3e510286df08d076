/**
 * The review project: a score table, its features and its datalist, opened together; the frames'
 * images as PNG (thumbnails, the paper's three channels, zscale/asinh/linear stretches); the
 * candidate ordering (raw or learned score, filters, unrated first); export of the rated set.
 */
package org.radioclr.serve.review;
