/**
 * The HTTP side: bearer-token authentication, the review pages (server-rendered HTML with a little
 * vanilla JavaScript shipped in the jar) and the review's JSON API under {@code /api/v1/review}.
 */
package org.radioclr.serve.web;
