package dev.spdoctor.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimestampsTest {
  private static String iso(String line) {
    Timestamps.Stamp s = Timestamps.of(line);
    return s == null ? null : s.iso();
  }

  @Test
  void theShapesLogsUse() {
    assertThat(iso("2026-06-01T09:14:22.123Z error")).isEqualTo("2026-06-01T09:14:22.123Z");
    assertThat(iso("2026-06-01 02:00:14,551 ERROR [BackupJob] x")).isEqualTo("2026-06-01T02:00:14.551");
    assertThat(iso("2026-06-01T09:14:22+0200 x")).isEqualTo("2026-06-01T09:14:22+02:00");
    assertThat(iso("2026-06-01 09:14:20 10.0.0.5 POST /_vti_bin/client.svc")).isEqualTo("2026-06-01T09:14:20");
    assertThat(iso("06/01/2026 09:14:22.53 \tw3wp.exe (0x1A2C)\t")).isEqualTo("2026-06-01T09:14:22.53");
    assertThat(iso("06/01/2026 09:14:22.53*\tw3wp.exe (0x1A2C)\t")).isEqualTo("2026-06-01T09:14:22.53");
    assertThat(iso("\"6/1/2026 1:02:44 PM\",\"3760\",\"Error\"")).isEqualTo("2026-06-01T13:02:44");
    assertThat(iso("Error\t6/1/2026 12:05:00 AM\tSharePoint Foundation\t8306")).isEqualTo("2026-06-01T00:05:00");
    assertThat(iso("Date: 2026-06-01T09:31:12.4470000Z")).isEqualTo("2026-06-01T09:31:12.4470000Z");
    assertThat(iso("[01.06.2026 02:00:14] Error  Failed")).isEqualTo("2026-06-01T02:00:14");
    assertThat(iso("Start time: 20260601091422")).isEqualTo("2026-06-01T09:14:22");
    assertThat(iso("Command start time: 20260601091531")).isEqualTo("2026-06-01T09:15:31");
    assertThat(Timestamps.isTranscriptHeader("Command start time: 20260601091531")).isTrue();
  }

  @Test
  void notTimes() {
    assertThat(iso("   at Microsoft.SharePoint.Client.ClientRequest")).isNull();
    assertThat(iso("13/45/2026 09:14:22.53 \tw3wp.exe")).isNull();
    assertThat(iso("short")).isNull();
    assertThat(iso("6/1/2026 13:02:44 PM")).isNull();
  }
}
