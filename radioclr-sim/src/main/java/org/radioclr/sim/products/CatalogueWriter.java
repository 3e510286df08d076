package org.radioclr.sim.products;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.radioclr.core.catalog.CatalogColumns;
import org.radioclr.core.catalog.CatalogTableWriter;
import org.radioclr.core.catalog.CatalogTableWriter.Column;
import org.radioclr.core.io.AtomicFiles;
import org.radioclr.core.wcs.Wcs;
import org.radioclr.sim.model.SourceTruth;

/**
 * Writes the ground-truth catalogue of a field as CSV (a header line, then one line per source,
 * comma-separated, no quoting needed: no value holds a comma) and as a VOTable 1.4 (TABLEDATA,
 * written with STIL, no date, so the same sources give the same bytes). Both are written atomically
 * ({@link AtomicFiles}), rows ordered by source id.
 *
 * <p>Columns, in order (units in brackets): {@code id, name, ra [deg], dec [deg], x [pix], y [pix],
 * flux_jy [Jy], peak_jy [Jy/beam], maj_arcsec [arcsec], min_arcsec [arcsec], pa_deg [deg], x_min,
 * x_max, y_min, y_max [pix, inclusive], mask_pixels, snr, local_rms_jy [Jy/beam], n_islands,
 * n_components, n_peaks, rgz_class, morphology, family, detection_class, host}; see {@link
 * CatalogueRow}. Positions: ra/dec ICRS degrees of the centroid through the map's WCS; x, y and the
 * box 0-based map pixels. Real numbers are written in Java's shortest round-trip form ({@link
 * Double#toString(double)}), so CSV and VOTable read back to the same doubles; a NaN is an empty
 * CSV field and an empty VOTable cell.
 *
 * <p>Read it back with {@link org.radioclr.core.catalog.CatalogReader} and {@link
 * #readerColumns(String)}; the banner cutter cuts around the sources from it.
 */
public final class CatalogueWriter {
  private CatalogueWriter() {}

  /** The catalogue columns, in file order. */
  private static final CatalogTableWriter<CatalogueRow> TABLE =
      new CatalogTableWriter<>(
          "radioclr-sim ground truth",
          List.of(
              new Column<>("id", Integer.class, null, "meta.id", "source id", r -> r.id()),
              new Column<>(
                  "name", String.class, null, "meta.id;meta.main", "source name", r -> r.name()),
              new Column<>(
                  "ra",
                  Double.class,
                  "deg",
                  "pos.eq.ra;meta.main",
                  "ICRS RA of the centroid",
                  r -> r.raDeg()),
              new Column<>(
                  "dec",
                  Double.class,
                  "deg",
                  "pos.eq.dec;meta.main",
                  "ICRS Dec of the centroid",
                  r -> r.decDeg()),
              new Column<>(
                  "x",
                  Double.class,
                  "pix",
                  "pos.cartesian.x",
                  "centroid column, 0-based",
                  r -> r.x()),
              new Column<>(
                  "y", Double.class, "pix", "pos.cartesian.y", "centroid row, 0-based", r -> r.y()),
              new Column<>(
                  "flux_jy",
                  Double.class,
                  "Jy",
                  "phot.flux.density",
                  "total flux",
                  r -> r.fluxJy()),
              new Column<>(
                  "peak_jy",
                  Double.class,
                  "Jy/beam",
                  "phot.flux.density;stat.max",
                  "peak of the convolved model",
                  r -> r.peakJy()),
              new Column<>(
                  "maj_arcsec",
                  Double.class,
                  "arcsec",
                  "phys.angSize.smajAxis",
                  "FWHM major axis (convolved)",
                  r -> r.majArcsec()),
              new Column<>(
                  "min_arcsec",
                  Double.class,
                  "arcsec",
                  "phys.angSize.sminAxis",
                  "FWHM minor axis (convolved)",
                  r -> r.minArcsec()),
              new Column<>(
                  "pa_deg",
                  Double.class,
                  "deg",
                  "pos.posAng",
                  "position angle, east of north",
                  r -> r.paDeg()),
              new Column<>(
                  "x_min", Integer.class, "pix", null, "mask box first column", r -> r.box().x0()),
              new Column<>(
                  "x_max", Integer.class, "pix", null, "mask box last column", r -> r.box().x1()),
              new Column<>(
                  "y_min", Integer.class, "pix", null, "mask box first row", r -> r.box().y0()),
              new Column<>(
                  "y_max", Integer.class, "pix", null, "mask box last row", r -> r.box().y1()),
              new Column<>(
                  "mask_pixels",
                  Integer.class,
                  "pix",
                  null,
                  "pixels in the mask",
                  r -> r.maskPixels()),
              new Column<>(
                  "snr",
                  Double.class,
                  null,
                  "stat.snr",
                  "peak signal-to-noise ratio",
                  r -> r.snr()),
              new Column<>(
                  "local_rms_jy",
                  Double.class,
                  "Jy/beam",
                  "instr.noise",
                  "noise rms at the source",
                  r -> r.localRmsJy()),
              new Column<>(
                  "n_islands", Integer.class, null, null, "islands of the mask", r -> r.islands()),
              new Column<>(
                  "n_components",
                  Integer.class,
                  null,
                  null,
                  "RGZ components (C)",
                  r -> r.components()),
              new Column<>("n_peaks", Integer.class, null, null, "RGZ peaks (P)", r -> r.peaks()),
              new Column<>(
                  "rgz_class",
                  String.class,
                  null,
                  "meta.code.class",
                  "RGZ class, e.g. 1C-2P",
                  r -> r.rgzClass()),
              new Column<>(
                  "morphology",
                  String.class,
                  null,
                  "src.morph",
                  "simulated morphology",
                  r -> r.morphology()),
              new Column<>(
                  "family", String.class, null, "src.class", "morphology family", r -> r.family()),
              new Column<>(
                  "detection_class",
                  String.class,
                  null,
                  "meta.code.class",
                  "caesar-mrcnn class (paper 4.2)",
                  r -> r.detectionClass()),
              new Column<>(
                  "host",
                  Integer.class,
                  null,
                  "meta.id.parent",
                  "id of an artefact's host, or -1",
                  r -> r.host())));

  /** The column names, in file order. */
  public static final List<String> COLUMN_NAMES = TABLE.columnNames();

  /**
   * The columns for {@link org.radioclr.core.catalog.CatalogReader}: names from {@code name}, sky
   * positions from {@code ra}/{@code dec}, sizes from the inclusive pixel box (0-based), labels
   * from {@code labelColumn} (e.g. {@code rgz_class}, {@code morphology}, {@code detection_class}),
   * or no labels when it is null.
   */
  public static CatalogColumns readerColumns(String labelColumn) {
    CatalogColumns c =
        CatalogColumns.defaults()
            .withName("name")
            .withSky("ra", "dec")
            .withPixelOrigin(0)
            .withBox("x_min", "x_max", "y_min", "y_max");
    return labelColumn == null ? c.withoutLabel() : c.withLabel(labelColumn);
  }

  /** The rows of the sources of field {@code field}, ordered by id. */
  public static List<CatalogueRow> rows(List<SourceTruth> truths, Wcs wcs, String field) {
    Objects.requireNonNull(field, "field");
    List<CatalogueRow> rows = new ArrayList<>(truths.size());
    for (SourceTruth t : truths) {
      rows.add(CatalogueRow.of(t, wcs, field));
    }
    rows.sort(Comparator.comparingInt(CatalogueRow::id));
    return rows;
  }

  /**
   * Writes the catalogue of the sources on {@code map} (its header gives the WCS) to {@code csv}
   * and {@code votable} (either may be null to skip it).
   *
   * @return the rows written
   * @throws org.radioclr.core.BadInputException naming the file when the map header cannot be read
   *     or a catalogue cannot be written
   */
  public static List<CatalogueRow> write(
      Path map, List<SourceTruth> truths, String field, Path csv, Path votable) {
    List<CatalogueRow> rows = rows(truths, MapHeader.read(map).wcs(), field);
    if (csv != null) {
      writeCsv(csv, rows);
    }
    if (votable != null) {
      writeVotable(votable, rows);
    }
    return rows;
  }

  /** Writes the rows as CSV with a header line, atomically. */
  public static void writeCsv(Path target, List<CatalogueRow> rows) {
    TABLE.writeCsv(target, rows);
  }

  /** Writes the rows as a VOTable 1.4 (TABLEDATA), atomically. */
  public static void writeVotable(Path target, List<CatalogueRow> rows) {
    TABLE.writeVotable(target, rows);
  }
}
