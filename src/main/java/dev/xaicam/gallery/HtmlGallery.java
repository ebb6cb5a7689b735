package dev.xaicam.gallery;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * A self-contained HTML page for a batch run (no network, no CDN: thumbnails are embedded as data
 * URIs, the filter and sort are a few lines of inline script): one row per image with its
 * thumbnail, predicted and explained class with probabilities, and one overlay per method linking
 * to the full-size file. Rows are streamed to the page as images finish, so memory does not grow
 * with the run; {@link #close()} writes the page's end. The caller makes the file atomic (writes
 * it under a temporary name and renames it when closed).
 */
public final class HtmlGallery implements AutoCloseable {
  /** The page text up to the rows. */
  private static final String HEAD = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>%s</title>
      <style>
      body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222}
      h1{font-size:1.3rem;margin:0 0 .3rem} p.sub{margin:0 0 1rem;color:#555}
      .bar{display:flex;gap:1rem;align-items:center;margin-bottom:1rem;flex-wrap:wrap}
      table{border-collapse:collapse} th,td{padding:.35rem .5rem;border-bottom:1px solid #ddd;
      vertical-align:middle;text-align:left} th{position:sticky;top:0;background:#f6f6f6}
      td.pic img{height:112px;display:block} td.pic a{font-size:.75rem;color:#555}
      .p{font-variant-numeric:tabular-nums;color:#555} .hidden{display:none}
      </style></head><body>
      <h1>%s</h1><p class="sub">%s</p>
      <div class="bar"><label>Class <select id="cls"><option value="">all classes</option></select></label>
      <label>Sort <select id="sort"><option value="input">input order</option>
      <option value="desc">probability, highest first</option>
      <option value="asc">probability, lowest first</option></select></label>
      <span id="count"></span></div>
      <table><thead><tr><th>image</th><th>predicted</th><th>explained</th>%s</tr></thead>
      <tbody id="rows">
      """;
  /** The page text after the rows: the filter/sort script. */
  private static final String TAIL = """
      </tbody></table>
      <script>
      const body=document.getElementById('rows'),cls=document.getElementById('cls'),
        sort=document.getElementById('sort'),count=document.getElementById('count');
      const rows=[...body.rows];
      [...new Set(rows.map(r=>r.dataset.cls))].sort().forEach(c=>{
        const o=document.createElement('option');o.value=c;o.textContent=c;cls.appendChild(o);});
      function update(){
        const order=rows.slice();
        if(sort.value!=='input'){const s=sort.value==='desc'?-1:1;
          order.sort((a,b)=>s*(a.dataset.p-b.dataset.p));}
        let shown=0;
        order.forEach(r=>{const hide=cls.value!==''&&r.dataset.cls!==cls.value;
          r.classList.toggle('hidden',hide);if(!hide)shown++;body.appendChild(r);});
        count.textContent=shown+' of '+rows.length+' images';
      }
      cls.onchange=update;sort.onchange=update;update();
      </script></body></html>
      """;

  /** Where the page goes. */
  private final BufferedWriter out;

  /**
   * Starts a page at {@code file}.
   *
   * @param title the page's title and heading
   * @param subtitle one line under the heading (model, layer, methods)
   * @param methods the overlay columns, in order
   */
  public HtmlGallery(Path file, String title, String subtitle, List<String> methods)
      throws IOException {
    this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    StringBuilder columns = new StringBuilder();
    for (String method : methods) {
      columns.append("<th>").append(escape(method)).append("</th>");
    }
    out.write(String.format(Locale.ROOT, HEAD, escape(title), escape(title), escape(subtitle),
        columns));
  }

  /** Appends one image's row. */
  public void add(GalleryRow row) {
    try {
      out.write(String.format(Locale.ROOT,
          "<tr data-cls=\"%s\" data-p=\"%.6f\"><td class=\"pic\">%s</td>"
              + "<td>%s <span class=\"p\">%.3f</span></td><td>%s <span class=\"p\">%.3f</span></td>",
          escape(row.targetClass()), row.targetProbability(),
          picture(row.thumbnail(), row.imageLink(), row.imageName()),
          escape(row.predictedClass()), row.predictedProbability(), escape(row.targetClass()),
          row.targetProbability()));
      for (GalleryRow.Overlay overlay : row.overlays()) {
        out.write("<td class=\"pic\">" + picture(overlay.thumbnail(), overlay.link(),
            overlay.method()) + "</td>");
      }
      out.write("</tr>\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the end of the page and closes the file. */
  @Override
  public void close() throws IOException {
    try {
      out.write(TAIL);
    } finally {
      out.close();
    }
  }

  /** An embedded thumbnail linking to the full-size file, captioned. */
  private static String picture(byte[] thumbnail, String link, String caption) {
    String type = thumbnail.length > 1 && (thumbnail[0] & 0xFF) == 0xFF ? "jpeg" : "png";
    String img = "<img alt=\"" + escape(caption) + "\" src=\"data:image/" + type + ";base64,"
        + Base64.getEncoder().encodeToString(thumbnail) + "\">";
    return link == null ? img + escape(caption)
        : "<a href=\"" + escape(uriPath(link)) + "\">" + img + escape(caption) + "</a>";
  }

  /** A relative file path as a URI reference: spaces, '#', '?' and non-ASCII percent-encoded. */
  static String uriPath(String path) {
    try {
      return new java.net.URI(null, null, path.replace('\\', '/'), null).toASCIIString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("not a usable link: " + path, e);
    }
  }

  /** Text made safe for HTML content and attribute values. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c < 0x20 ? '?' : c);
      }
    }
    return sb.toString();
  }
}
