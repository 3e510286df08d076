package org.radioclr.app;

import java.util.List;

/**
 * A command with an exclusive option group that words its own one-line usage error when options of
 * two members are given together (picocli's message lists every option of the group).
 */
interface ExclusiveOptions {
  /**
   * The problem, as a clause naming the options that clash.
   *
   * @param given the long names of this command's options on the command line, in order, once each
   */
  String conflict(List<String> given);
}
