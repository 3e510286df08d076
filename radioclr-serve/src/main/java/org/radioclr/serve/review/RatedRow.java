package org.radioclr.serve.review;

import java.util.List;
import org.radioclr.core.wcs.SkyCoord;

/**
 * One rated frame in an export.
 *
 * @param sname frame name
 * @param score the score the review ordered by (raw or learned), in [0, 1]
 * @param rawScore the score table's score
 * @param rating the reviewer's rating 0..5
 * @param tags the reviewer's tags, {@code ';'}-joined
 * @param note the reviewer's note
 * @param reviewer user name
 * @param label the frame's labels as written in the score table
 * @param ra ICRS RA of the frame centre in degrees, or NaN when unknown
 * @param dec ICRS Dec of the frame centre in degrees, or NaN when unknown
 * @param corners the frame's four corners (FK5), empty when it has no WCS
 */
public record RatedRow(
    String sname,
    double score,
    double rawScore,
    int rating,
    String tags,
    String note,
    String reviewer,
    String label,
    double ra,
    double dec,
    List<SkyCoord> corners) {
  public RatedRow {
    corners = List.copyOf(corners);
  }
}
