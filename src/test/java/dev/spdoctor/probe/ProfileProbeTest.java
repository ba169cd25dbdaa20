package dev.spdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spdoctor.probe.net.Connections;
import dev.spdoctor.profile.Cloud;
import dev.spdoctor.profile.Profile;
import dev.spdoctor.profile.ProfileLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The profile probe judges the values as entered, offline; one value per key, as docs/probes.md lists them. */
class ProfileProbeTest {
  private static final String GUID = "9d3e5f71-0a2b-4c6d-8e9f-a1b2c3d4e5f6";
  private static final String SP = "https://contoso.sharepoint.com";
  private static final String ADMIN = "https://contoso-admin.sharepoint.com";

  private final ProfileProbe probe = new ProfileProbe();

  @Test
  void itIsTheOfflineProfileProbe() {
    assertThat(probe.id()).isEqualTo("profile");
    assertThat(probe.network()).isFalse();
    Profile p = online(GUID, GUID, SP, ADMIN, Cloud.GLOBAL);
    ProbeContext ctx = new ProbeContext(p, Connections.of(p.network()), (ref, what) -> new char[0], Clock.systemUTC());
    assertThat(probe.plan(ctx)).isEmpty();
    Observation o = probe.run(ctx);
    assertThat(o.probe()).isEqualTo("profile");
    assertThat(o.outcome()).isEqualTo(Outcome.COLLECTED);
  }

  @Test
  void aWellFormedOnlineProfileSaysSo() {
    Observation o = probe.observe(online(GUID, "contoso.onmicrosoft.com", SP, ADMIN, Cloud.GLOBAL));
    assertThat(o.summary()).isEqualTo("profile looks well-formed");
    assertThat(o.values()).containsExactly(Map.entry("client-id-format", "guid"), Map.entry("tenant-id-format", "domain"),
        Map.entry("sharepoint-url-shape", "ok"), Map.entry("admin-url-shape", "ok"),
        Map.entry("sharepoint-cloud", "global"), Map.entry("cloud-instance-expected", "microsoftonline.com"),
        Map.entry("cloud-matches", "yes"));
  }

  @Test
  void theExampleProfilesAreWellFormed() {
    Observation online = probe.observe(ProfileLoader.load(Path.of("fixtures/profiles/contoso-online.yaml")));
    assertThat(online.summary()).isEqualTo("profile looks well-formed");
    assertThat(online.values()).containsEntry("legacy-auth-enabled", "no").containsEntry("mfa", "enabled")
        .containsEntry("security-defaults", "disabled");
    Observation onprem = probe.observe(ProfileLoader.load(Path.of("fixtures/profiles/fabrikam-onprem.yaml")));
    assertThat(onprem.summary()).isEqualTo("profile looks well-formed");
    assertThat(onprem.values()).containsExactly(Map.entry("sharepoint-url-shape", "ok"),
        Map.entry("central-admin-url-shape", "ok"));
  }

  @ParameterizedTest
  @CsvSource(nullValues = "NULL", value = {
      "9d3e5f71-0a2b-4c6d-8e9f-a1b2c3d4e5f6, guid",
      "9D3E5F71-0A2B-4C6D-8E9F-A1B2C3D4E5F6, guid",
      "'{9d3e5f71-0a2b-4c6d-8e9f-a1b2c3d4e5f6}', not-guid",
      "9d3e5f71-0a2b-4c6d-8e9f-a1b2c3d4e5f, not-guid",
      "CodeTwo Backup SharePoint, not-guid",
      "NULL, missing",
      "'  ', missing"})
  void clientIdFormat(String clientId, String expected) {
    assertThat(probe.observe(online(clientId, GUID, SP, ADMIN, Cloud.GLOBAL)).value("client-id-format"))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(nullValues = "NULL", value = {
      "3c8a7f12-6b4e-4d91-a0c5-e27f1b9d8a64, guid",
      "contoso.onmicrosoft.com, domain",
      "contoso.com, domain",
      "contoso, not-valid",
      "contoso@contoso.com, not-valid",
      "https://login.microsoftonline.com/contoso.com, not-valid",
      "NULL, missing"})
  void tenantIdFormat(String tenantId, String expected) {
    assertThat(probe.observe(online(GUID, tenantId, SP, ADMIN, Cloud.GLOBAL)).value("tenant-id-format"))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(nullValues = "NULL", value = {
      "https://contoso.sharepoint.com, ok",
      "https://contoso.sharepoint.com/, ok",
      "https://Contoso.SharePoint.com, ok",
      "contoso.sharepoint.com, not-a-url",
      "https://, not-a-url",
      "ftp://contoso.sharepoint.com, not-a-url",
      "http://contoso.sharepoint.com, not-https",
      "https://contoso.example.com, not-sharepoint-online",
      "https://sharepoint.com, not-sharepoint-online",
      "https://contoso-admin.sharepoint.com, admin-url",
      "https://contoso.sharepoint.com/sites/finance, site-path",
      "https://contoso.sharepoint.com/_layouts/15/start.aspx, site-path",
      "NULL, missing"})
  void sharePointUrlShapeOnline(String url, String expected) {
    assertThat(probe.observe(online(GUID, GUID, url, ADMIN, Cloud.GLOBAL)).value("sharepoint-url-shape"))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(nullValues = "NULL", value = {
      "http://sp2019.fabrikam.example, ok",
      "https://sp2019.fabrikam.example/, ok",
      "http://sp2019.fabrikam.example/sites/hr, site-path",
      "sp2019, not-a-url",
      "NULL, missing"})
  void sharePointUrlShapeOnPremises(String url, String expected) {
    Observation o = probe.observe(onPremises(url, "http://sp2019.fabrikam.example:2013"));
    assertThat(o.value("sharepoint-url-shape")).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(nullValues = "NULL", value = {
      "https://contoso-admin.sharepoint.com, ok",
      "https://contoso-admin.sharepoint.com/_layouts/15/online/AdminHome.aspx, ok",
      "contoso-admin.sharepoint.com, not-a-url",
      "https://contoso.sharepoint.com, not-admin",
      "https://admin.microsoft.com, not-admin",
      "https://admin.sharepoint.com, not-admin",
      "https://fabrikam-admin.sharepoint.com, other-organisation",
      "https://contoso-admin.sharepoint.us, other-organisation",
      "NULL, missing"})
  void adminUrlShape(String adminUrl, String expected) {
    assertThat(probe.observe(online(GUID, GUID, SP, adminUrl, Cloud.GLOBAL)).value("admin-url-shape"))
        .isEqualTo(expected);
  }

  @Test
  void anAdminUrlGivenAsServerUrlStillMatchesItsOwnOrganisation() {
    Observation o = probe.observe(online(GUID, GUID, ADMIN, ADMIN, Cloud.GLOBAL));
    assertThat(o.value("sharepoint-url-shape")).isEqualTo("admin-url");
    assertThat(o.value("admin-url-shape")).isEqualTo("ok");
  }

  @ParameterizedTest
  @CsvSource({
      "https://contoso.sharepoint.com, global, global, yes",
      "https://contoso.sharepoint.com, us-government, global, no",
      "https://contoso.sharepoint.us, us-government, us-government, yes",
      "https://contoso.sharepoint-mil.us, us-government, us-government, yes",
      "https://contoso.sharepoint.us, global, us-government, no",
      "https://contoso.sharepoint.cn, china, china, yes",
      "https://contoso.sharepoint.cn, global, china, no"})
  void sharePointCloudAndWhetherItMatchesTheProfile(String url, String profileCloud, String hostCloud, String matches) {
    Observation o = probe.observe(online(GUID, GUID, url, null, Cloud.byId(profileCloud)));
    assertThat(o.value("sharepoint-cloud")).isEqualTo(hostCloud);
    assertThat(o.value("cloud-matches")).isEqualTo(matches);
  }

  @Test
  void aHostOutsideEveryCloudIsUnknownAndMatchesNothing() {
    Observation o = probe.observe(online(GUID, GUID, "https://contoso.example.com", null, Cloud.GLOBAL));
    assertThat(o.value("sharepoint-cloud")).isEqualTo("unknown");
    assertThat(o.values()).doesNotContainKey("cloud-matches");
  }

  @Test
  void aCloudMismatchIsInTheSummary() {
    Observation o = probe.observe(online(GUID, GUID, "https://contoso.sharepoint.us", null, Cloud.GLOBAL));
    assertThat(o.summary()).isEqualTo("the SharePoint host is in the us-government cloud, the profile says global");
  }

  @ParameterizedTest
  @CsvSource(nullValues = "NULL", value = {
      "http://sp2019.fabrikam.example:2013, ok",
      "https://spca.fabrikam.example:443/, ok",
      "http://sp2019.fabrikam.example, no-port",
      "sp2019:2013, not-a-url",
      "NULL, missing"})
  void centralAdminUrlShape(String url, String expected) {
    assertThat(probe.observe(onPremises("http://sp2019.fabrikam.example", url)).value("central-admin-url-shape"))
        .isEqualTo(expected);
  }

  @Test
  void onlineProfilesHaveNoCentralAdminKeyAndOnPremisesOnesNoEntraKeys() {
    assertThat(probe.observe(online(GUID, GUID, SP, ADMIN, Cloud.GLOBAL)).values())
        .doesNotContainKey("central-admin-url-shape");
    assertThat(probe.observe(onPremises("http://sp", "http://sp:2013")).values())
        .doesNotContainKeys("client-id-format", "tenant-id-format", "admin-url-shape", "sharepoint-cloud", "cloud-matches");
  }

  @ParameterizedTest
  @CsvSource(nullValues = "NULL", value = {"true, yes", "false, no", "NULL, NULL"})
  void legacyAuthEnabled(Boolean enabled, String expected) {
    Observation o = probe.observe(withLegacy(new Profile.LegacyAuth(enabled, null, null)));
    assertThat(o.value("legacy-auth-enabled")).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
      "admin@contoso.onmicrosoft.com, no, no",
      "first.last@contoso.com, no, no",
      "svc-backup@contoso.com, no, yes",
      "svc_backup@contoso.com, no, yes",
      "o'brien@contoso.com, yes, no",
      "backup+sp@contoso.com, yes, no",
      "j\u00f6rg@contoso.com, yes, no",
      "CONTOSO\\admin, no, no"})
  void legacyAccountSpecialCharacters(String account, String special, String hyphenOrUnderscore) {
    Observation o = probe.observe(withLegacy(new Profile.LegacyAuth(true, account, null)));
    assertThat(o.value("legacy-account-special-characters")).isEqualTo(special);
    assertThat(o.value("legacy-account-hyphen-or-underscore")).isEqualTo(hyphenOrUnderscore);
  }

  @Test
  void noLegacyAccountNoLegacyKeys() {
    assertThat(probe.observe(online(GUID, GUID, SP, ADMIN, Cloud.GLOBAL)).values())
        .doesNotContainKeys("legacy-auth-enabled", "legacy-account-special-characters", "mfa", "security-defaults");
  }

  @ParameterizedTest
  @CsvSource({"enabled, disabled", "disabled, enabled"})
  void mfaAndSecurityDefaultsAreCopied(String mfa, String securityDefaults) {
    Profile base = online(GUID, GUID, SP, ADMIN, Cloud.GLOBAL);
    Profile p = new Profile(base.source(), null, "online", base.sharePoint(), null, null, GUID, GUID, null, null, mfa,
        securityDefaults, Cloud.GLOBAL, Profile.Endpoints.NONE, Profile.Network.DEFAULTS);
    Observation o = probe.observe(p);
    assertThat(o.value("mfa")).isEqualTo(mfa);
    assertThat(o.value("security-defaults")).isEqualTo(securityDefaults);
  }

  @Test
  void theSummaryListsEveryProblem() {
    Observation o = probe.observe(online("CodeTwo", "contoso", "http://contoso.sharepoint.com/sites/x",
        "https://fabrikam-admin.sharepoint.com", Cloud.GLOBAL));
    assertThat(o.summary()).isEqualTo("the Client ID is not a GUID; the Tenant ID is neither a GUID nor a domain;"
        + " the SharePoint URL is not https; the admin center URL belongs to another organisation");
    Observation onprem = probe.observe(onPremises("http://sp/sites/a", "http://sp"));
    assertThat(onprem.summary()).isEqualTo("the SharePoint URL has a site path; the Central Administration URL has no port");
  }

  @Test
  void missingIdsCountAsProblemsOnlyWithoutAutomaticRegistration() {
    Profile base = online(null, null, SP, ADMIN, Cloud.GLOBAL);
    assertThat(probe.observe(base).summary()).isEqualTo("no Client ID; no Tenant ID");
    Profile automatic = new Profile(base.source(), null, "online", base.sharePoint(), "automatic", null, null, null,
        null, null, null, null, Cloud.GLOBAL, Profile.Endpoints.NONE, Profile.Network.DEFAULTS);
    Observation o = probe.observe(automatic);
    assertThat(o.summary()).isEqualTo("profile looks well-formed");
    assertThat(o.value("client-id-format")).isEqualTo("missing");
  }

  private static Profile online(String clientId, String tenantId, String url, String adminUrl, Cloud cloud) {
    return new Profile(Path.of("p.yaml"), null, "online", new Profile.SharePoint(url, adminUrl, null), "manual", null,
        clientId, tenantId, null, null, null, null, cloud, Profile.Endpoints.NONE, Profile.Network.DEFAULTS);
  }

  private static Profile onPremises(String url, String centralAdminUrl) {
    return new Profile(Path.of("p.yaml"), null, "on-premises", new Profile.SharePoint(url, null, centralAdminUrl), null,
        null, null, null, null, null, null, null, Cloud.GLOBAL, Profile.Endpoints.NONE, Profile.Network.DEFAULTS);
  }

  private static Profile withLegacy(Profile.LegacyAuth legacy) {
    return new Profile(Path.of("p.yaml"), null, "online", new Profile.SharePoint(SP, ADMIN, null), "manual", null, GUID,
        GUID, null, legacy, null, null, Cloud.GLOBAL, Profile.Endpoints.NONE, Profile.Network.DEFAULTS);
  }
}
