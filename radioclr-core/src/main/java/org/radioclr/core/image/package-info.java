/** Image planes: primitive {@code float[]} pixel containers shared by every stage. */
package org.radioclr.core.image;
