package dev.spdoctor.kb;

import java.io.Serializable;

/**
 * The public page a piece of knowledge rests on: a URL and the day someone checked it, or (for what
 * only the seed articles say) the article and its section.
 *
 * @param url the page, {@code https://...}, or null when {@code article} is given
 * @param checked the day the page was last checked, {@code YYYY-MM-DD}, or null with {@code article}
 * @param article {@code troubleshooting} or {@code creating-connection} (the seed articles), or null
 * @param section the article's heading, as printed, or null
 */
public record Reference(String url, String checked, String article, String section) implements Serializable {
  /** One line for a catalog or a report: the URL and its check date, or the article and section. */
  public String describe() {
    if (url != null) {
      return url + (checked == null ? "" : " (checked " + checked + ")");
    }
    return "seed article " + article + (section == null ? "" : ", \"" + section + "\"");
  }
}
