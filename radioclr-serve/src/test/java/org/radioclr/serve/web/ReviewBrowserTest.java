package org.radioclr.serve.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.radioclr.classify.project.ProjectionCsv;
import org.radioclr.serve.ReviewFixture;
import org.radioclr.serve.ServeConfig;
import org.radioclr.serve.ServeServer;
import org.radioclr.serve.db.Database;
import org.radioclr.serve.db.Users;
import org.radioclr.serve.jobs.FakeCatalog;
import org.radioclr.serve.jobs.JobService;

/**
 * The review in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver};
 * skipped, saying so, where they are not installed): log in, page through the grid, rate with the
 * keyboard, retrain and see the order change, filter, export, reload and find every rating; run an
 * export through the job API from the grid's run form and follow its output link; open a frame from
 * the embedding drawn from a {@code radioclr project} coordinates file.
 */
class ReviewBrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir Path dir;
  ReviewFixture fixture;
  ServeServer server;
  WebDriver browser;
  WebDriverWait wait;
  String token;

  @BeforeEach
  void start() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "browser test skipped: no "
            + CHROMIUM
            + " or "
            + DRIVER
            + " (apt-get install chromium chromium-driver)");
    fixture = ReviewFixture.make(dir, 75);
    ReviewFixture f = fixture;
    Database db = Database.open(dir.resolve("review.sqlite"));
    token = new Users(db).addOrRenew("alice", false);
    JobService jobs =
        new JobService(db, new FakeCatalog(), dir.resolve("data"), 1, 1 << 20, List.of());
    // a projection as radioclr project writes it: frame i at (i, 10 * (i % 3)), fr010 left out
    List<String> names = new java.util.ArrayList<>();
    List<double[]> xy = new java.util.ArrayList<>();
    for (int i = 0; i < f.n(); i++) {
      if (i != 10) {
        names.add(ReviewFixture.sname(i));
        xy.add(new double[] {i, 10 * (i % 3)});
      }
    }
    Path projection = dir.resolve("umap.csv");
    ProjectionCsv.write(projection, names, xy.toArray(new double[0][]), null, null);
    server =
        ServeServer.start(
            new ServeConfig(
                    f.scores(), f.features(), f.datalist(), "127.0.0.1", 0, dir.resolve("tmp"), 1)
                .withProjection(projection),
            db,
            List.of(jobs));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  String base() {
    return "http://127.0.0.1:" + server.port();
  }

  List<String> cards() {
    return browser.findElements(By.cssSelector("#grid .card")).stream()
        .map(e -> e.getDomAttribute("data-sname"))
        .toList();
  }

  void key(String k) {
    new Actions(browser).sendKeys(k).perform();
  }

  void rateHere(int rating) {
    key(String.valueOf(rating));
    wait.until(ExpectedConditions.textToBe(By.id("rating"), String.valueOf(rating)));
  }

  String current() {
    return browser.findElement(By.id("detail")).getDomAttribute("data-sname");
  }

  /** Logs in through the login page (what a first visit shows) and waits for the grid. */
  void login() {
    browser.get(base() + "/");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("token")));
    browser.findElement(By.id("token")).sendKeys(token);
    browser.findElement(By.id("login")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("grid")));
  }

  /** GETs a path with the page's own script (and so its login cookie). */
  String fetch(String path) {
    return (String)
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "fetch(arguments[0]).then(r => r.text()).then(arguments[1]);", path);
  }

  @Test
  void reviewByKeyboardRetrainFilterExportAndReload() {
    login();
    List<String> first = cards();
    assertEquals(ReviewPages.PAGE_SIZE, first.size());
    assertEquals("fr000", first.get(0));
    // page through
    browser.findElement(By.id("next")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("prev")));
    assertEquals(75 - ReviewPages.PAGE_SIZE, cards().size());
    browser.findElement(By.id("prev")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("next")));

    // open the best candidate, rate it and the next two artefacts 0 with the keyboard
    browser.findElement(By.cssSelector("#grid .card")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("detail")));
    assertEquals("fr000", current());
    rateHere(0);
    key(Keys.ARROW_RIGHT.toString());
    wait.until(d -> !"fr000".equals(current()));
    assertEquals("fr003", current());
    rateHere(0);
    key(Keys.ARROW_RIGHT.toString());
    wait.until(d -> !"fr003".equals(current()));
    rateHere(1);
    // and two peculiar frames 5
    for (String s : List.of("fr001", "fr004")) {
      browser.get(base() + "/frame/" + s);
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("detail")));
      rateHere(5);
    }
    // a tag and a note
    WebElement peculiar = browser.findElement(By.cssSelector("input.tag[value=PECULIAR]"));
    peculiar.click();
    wait.until(ExpectedConditions.textToBe(By.id("status"), "tags saved"));
    browser.findElement(By.id("note")).sendKeys("two lobes and a ring");
    browser.findElement(By.id("save-note")).click();
    wait.until(ExpectedConditions.textToBe(By.id("status"), "note saved"));
    // a wrong rating, undone with 'u'
    ((JavascriptExecutor) browser).executeScript("document.activeElement.blur();");
    rateHere(2);
    key("u");
    wait.until(ExpectedConditions.textToBe(By.id("rating"), "5"));

    // retrain: the peculiar frames now lead the grid
    browser.get(base() + "/");
    browser.findElement(By.id("retrain")).click();
    wait.until(ExpectedConditions.urlContains("mode=learned"));
    List<String> learned = cards();
    assertTrue(!learned.get(0).equals("fr000"), "order unchanged: " + learned);
    for (int k = 0; k < 10; k++) {
      assertEquals(1, Integer.parseInt(learned.get(k).substring(2)) % 3, "rank " + k + learned);
    }

    // filter: rated only
    browser.get(base() + "/?rated=yes");
    assertEquals(
        List.of("fr000", "fr003", "fr006", "fr001", "fr004"), cards(), "rated frames by raw score");
    // filter: label
    browser.get(base() + "/?label=COMPACT");
    assertTrue(cards().stream().allMatch(s -> Integer.parseInt(s.substring(2)) % 3 == 2));

    // export (an attachment: fetched by the page's own script, with the login cookie)
    String csv =
        (String)
            ((JavascriptExecutor) browser)
                .executeAsyncScript(
                    "fetch('/api/v1/review/export.csv').then(r => r.text()).then(arguments[0]);");
    assertTrue(csv.startsWith("sname,score,raw_score,rating"), csv);
    assertTrue(csv.contains("fr004"), csv);

    // reload: every rating is still there
    browser.get(base() + "/frame/fr004");
    browser.navigate().refresh();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("detail")));
    assertEquals("5", browser.findElement(By.id("rating")).getText());
    assertTrue(browser.findElement(By.cssSelector("input.tag[value=PECULIAR]")).isSelected());
    assertEquals(
        "two lobes and a ring", browser.findElement(By.id("note")).getDomProperty("value"));
    for (String s : List.of("fr000", "fr003")) {
      browser.get(base() + "/frame/" + s);
      assertEquals("0", browser.findElement(By.id("rating")).getText(), s);
    }
    browser.get(base() + "/frame/fr006");
    assertEquals("1", browser.findElement(By.id("rating")).getText());

    // -Dradioclr.serve.screenshots=DIR keeps pictures of the grid and a detail view (README's
    // docs/serve-detail.png)
    String shots = System.getProperty("radioclr.serve.screenshots");
    if (shots != null) {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
      browser.get(base() + "/?mode=learned");
      save(Path.of(shots, "serve-grid.png"));
      browser.get(base() + "/frame/fr004?mode=learned");
      save(Path.of(shots, "serve-detail.png"));
    }
  }

  double cx(String sname) {
    return Double.parseDouble(
        browser
            .findElement(By.cssSelector("circle.dot[data-sname='" + sname + "']"))
            .getDomAttribute("cx"));
  }

  @Test
  void aRunButtonSubmitsAJobAndTheProjectionsEmbeddingOpensAFrame() throws Exception {
    login();
    WebElement form = browser.findElement(By.id("run-export"));
    WebElement top = form.findElement(By.cssSelector("input[data-option='--top']"));
    top.clear();
    top.sendKeys("5");
    form.findElement(By.cssSelector("button[type=submit]")).click();
    WebElement state = form.findElement(By.className("job-state"));
    wait.until(d -> "done".equals(state.getDomAttribute("data-state")));
    WebElement out =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#run-export .job-outputs a")));
    assertEquals("candidates/candidates.csv", out.getText());
    // the link serves the output: here the project's own scores, named project/scores by the form
    assertEquals(Files.readString(fixture.scores()), fetch(out.getDomAttribute("href")));
    // the job went through the job API, as the user's, with the option set on the form
    var jobs = new com.fasterxml.jackson.databind.ObjectMapper().readTree(fetch("/api/v1/jobs"));
    assertEquals(1, jobs.size(), jobs.toString());
    assertEquals("anomaly-export", jobs.get(0).get("app").asText());
    assertTrue(jobs.get(0).get("argv").toString().contains("--top=5"), jobs.toString());

    // the embedding shows the projection's coordinates, not its own PCA; a click opens the frame
    browser.get(base() + "/map");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("embedding")));
    assertTrue(browser.findElement(By.tagName("h1")).getText().contains("umap.csv"));
    assertEquals(74, browser.findElements(By.cssSelector("circle.dot")).size());
    assertTrue(browser.getPageSource().contains("1 frames have no point"));
    assertTrue(browser.findElements(By.cssSelector("circle.dot[data-sname='fr010']")).isEmpty());
    assertTrue(cx("fr000") < cx("fr030") && cx("fr030") < cx("fr074"), "x follows the file");
    assertEquals(cx("fr031") - cx("fr030"), cx("fr032") - cx("fr031"), 0.11, "x is linear");
    browser.findElement(By.cssSelector("circle.dot[data-sname='fr042']")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("detail")));
    assertEquals("fr042", current());
  }

  private void save(Path target) {
    try {
      Files.createDirectories(target.getParent());
      Files.write(
          target,
          ((org.openqa.selenium.TakesScreenshot) browser)
              .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
