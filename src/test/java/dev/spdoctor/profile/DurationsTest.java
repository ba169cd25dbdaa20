package dev.spdoctor.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void everyUnitParsesAndFormatsBack() {
    for (String s : new String[] {"500ms", "15s", "2m", "1h", "90s", "1500ms"}) {
      assertThat(Durations.format(Durations.parse(s))).isEqualTo(s);
    }
    assertThat(Durations.parse(" 15 s ")).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void zeroBareNumbersFractionsAndWordsAreRefused() {
    for (String s : new String[] {"0s", "15", "1.5s", "fast", "-1s", "15S", ""}) {
      assertThatThrownBy(() -> Durations.parse(s)).as(s).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
