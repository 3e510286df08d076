/**
 * Image planes (primitive {@code float[]} pixel containers shared by every stage) and PNG previews.
 */
package org.radioclr.core.image;
