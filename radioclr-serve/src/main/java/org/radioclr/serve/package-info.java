/**
 * {@code radioclr serve}: the astronomer-in-the-loop review web app (candidate grid, detail view,
 * ratings stored as events, active learning, export) and the REST job service under {@code
 * /api/v1}, on Javalin and one SQLite database.
 */
package org.radioclr.serve;
