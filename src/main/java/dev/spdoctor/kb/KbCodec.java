package dev.spdoctor.kb;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The compact binary form of the knowledge base that the jar carries: plain length-prefixed
 * fields, read without reflection, because a one-shot command pays for every millisecond of
 * start-up (Java serialization cost about 100 ms cold here).
 */
final class KbCodec {
  private static final int MAGIC = 0x53504b42; // "SPKB"
  private static final int VERSION = 5;

  private KbCodec() {}

  static void write(KnowledgeBase kb, OutputStream stream) throws IOException {
    DataOutputStream out = new DataOutputStream(stream);
    out.writeInt(MAGIC);
    out.writeInt(VERSION);
    out.writeInt(kb.causes().size());
    for (Cause c : kb.causes().values()) {
      str(out, c.id());
      str(out, c.title());
      list(out, c.deployment());
      str(out, c.status());
      source(out, c.source());
      str(out, c.summary());
      str(out, c.explanation());
      list(out, c.steps());
      list(out, c.blocks());
    }
    out.writeInt(kb.steps().size());
    for (Step s : kb.steps().values()) {
      str(out, s.id());
      str(out, s.text());
      str(out, s.role());
      str(out, s.waitTime());
      str(out, s.verify());
      out.writeBoolean(s.deprecated());
      str(out, s.history());
      str(out, s.risk());
      reference(out, s.source());
      out.writeInt(s.variants().size());
      for (Step.Variant v : s.variants()) {
        list(out, v.clients());
        str(out, v.text());
        str(out, v.verify());
      }
      list(out, s.needs());
    }
    out.writeInt(kb.signatures().size());
    for (Signature s : kb.signatures()) {
      str(out, s.id());
      str(out, s.message());
      source(out, s.source());
      list(out, s.deployment());
      list(out, s.patterns());
      list(out, s.examples());
      out.writeInt(s.localized().size());
      for (Signature.Localized l : s.localized()) {
        str(out, l.language());
        str(out, l.text());
        str(out, l.source());
      }
    }
    out.writeInt(kb.questions().size());
    for (Question q : kb.questions().values()) {
      str(out, q.id());
      str(out, q.prompt());
      str(out, q.type());
      list(out, q.choices());
      str(out, q.help());
      str(out, q.check());
      str(out, q.effort());
      list(out, q.clients());
    }
    out.writeInt(kb.milestones().size());
    for (MilestoneDef m : kb.milestones()) {
      str(out, m.id());
      out.writeLong(m.date().toEpochDay());
      str(out, m.title());
      reference(out, m.source());
    }
    out.writeInt(kb.codes().size());
    for (ErrorCodeDef c : kb.codes().values()) {
      str(out, c.code());
      str(out, c.family());
      str(out, c.name());
      str(out, c.meaning());
      str(out, c.signature());
      out.writeInt(c.causes().size());
      for (Map.Entry<String, Double> e : new TreeMap<>(c.causes()).entrySet()) {
        str(out, e.getKey());
        out.writeDouble(e.getValue());
      }
      out.writeBoolean(c.wrapper());
      out.writeBoolean(c.reference());
    }
    out.writeInt(kb.apps().size());
    for (AppDef a : kb.apps()) {
      str(out, a.id());
      str(out, a.appId());
      str(out, a.name());
      str(out, a.note());
      reference(out, a.source());
    }
    out.writeInt(kb.portal().size());
    for (PortalEntry p : kb.portal().values()) {
      str(out, p.id());
      str(out, p.kind());
      str(out, p.text());
      str(out, p.center());
      reference(out, p.source());
    }
    out.writeInt(kb.codeLookups().size());
    for (Map.Entry<String, String> e : kb.codeLookups().entrySet()) {
      str(out, e.getKey());
      str(out, e.getValue());
    }
    out.writeInt(kb.clients().size());
    for (ClientDef c : kb.clients()) {
      str(out, c.id());
      str(out, c.name());
      str(out, c.like());
      list(out, c.markers());
      list(out, c.examples());
      list(out, c.ownWords());
    }
    out.flush();
  }

  static KnowledgeBase read(InputStream stream) throws IOException {
    DataInputStream in = new DataInputStream(stream);
    if (in.readInt() != MAGIC || in.readInt() != VERSION) {
      throw new IOException("not a knowledge base of this version of spdoctor; rebuild with mvn package");
    }
    Map<String, Cause> causes = new LinkedHashMap<>();
    for (int n = in.readInt(); n > 0; n--) {
      Cause c = new Cause(str(in), str(in), list(in), str(in), source(in), str(in), str(in), list(in), list(in));
      causes.put(c.id(), c);
    }
    Map<String, Step> steps = new LinkedHashMap<>();
    for (int n = in.readInt(); n > 0; n--) {
      String id = str(in);
      String text = str(in);
      String role = str(in);
      String wait = str(in);
      String verify = str(in);
      boolean deprecated = in.readBoolean();
      String history = str(in);
      String risk = str(in);
      Reference source = reference(in);
      List<Step.Variant> variants = new ArrayList<>();
      for (int m = in.readInt(); m > 0; m--) {
        variants.add(new Step.Variant(list(in), str(in), str(in)));
      }
      Step s = new Step(id, text, role, wait, verify, deprecated, history, risk, source, variants, list(in));
      steps.put(s.id(), s);
    }
    List<Signature> signatures = new ArrayList<>();
    for (int n = in.readInt(); n > 0; n--) {
      Signature partial = new Signature(str(in), str(in), source(in), list(in), list(in), list(in));
      List<Signature.Localized> localized = new ArrayList<>();
      for (int m = in.readInt(); m > 0; m--) {
        localized.add(new Signature.Localized(str(in), str(in), str(in)));
      }
      signatures.add(new Signature(partial.id(), partial.message(), partial.source(), partial.deployment(),
          partial.patterns(), partial.examples(), localized));
    }
    Map<String, Question> questions = new LinkedHashMap<>();
    for (int n = in.readInt(); n > 0; n--) {
      Question q = new Question(str(in), str(in), str(in), list(in), str(in), str(in), str(in), list(in));
      questions.put(q.id(), q);
    }
    List<MilestoneDef> milestones = new ArrayList<>();
    for (int n = in.readInt(); n > 0; n--) {
      milestones.add(new MilestoneDef(str(in), LocalDate.ofEpochDay(in.readLong()), str(in), reference(in)));
    }
    Map<String, ErrorCodeDef> codes = new LinkedHashMap<>();
    for (int n = in.readInt(); n > 0; n--) {
      String code = str(in);
      String family = str(in);
      String name = str(in);
      String meaning = str(in);
      String signature = str(in);
      Map<String, Double> mapped = new LinkedHashMap<>();
      for (int m = in.readInt(); m > 0; m--) {
        mapped.put(str(in), in.readDouble());
      }
      ErrorCodeDef c = new ErrorCodeDef(code, family, name, meaning, signature, mapped, in.readBoolean(),
          in.readBoolean());
      codes.put(c.code(), c);
    }
    List<AppDef> apps = new ArrayList<>();
    for (int n = in.readInt(); n > 0; n--) {
      apps.add(new AppDef(str(in), str(in), str(in), str(in), reference(in)));
    }
    Map<String, PortalEntry> portal = new LinkedHashMap<>();
    for (int n = in.readInt(); n > 0; n--) {
      PortalEntry p = new PortalEntry(str(in), str(in), str(in), str(in), reference(in));
      portal.put(p.id(), p);
    }
    Map<String, String> lookups = new LinkedHashMap<>();
    for (int n = in.readInt(); n > 0; n--) {
      lookups.put(str(in), str(in));
    }
    List<ClientDef> clients = new ArrayList<>();
    for (int n = in.readInt(); n > 0; n--) {
      clients.add(new ClientDef(str(in), str(in), str(in), list(in), list(in), list(in)));
    }
    return new KnowledgeBase(causes, steps, signatures, questions, milestones, codes, apps, portal, lookups,
        clients);
  }

  private static void source(DataOutputStream out, Source s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      str(out, s.article());
      str(out, s.section());
    }
  }

  private static void reference(DataOutputStream out, Reference r) throws IOException {
    out.writeBoolean(r != null);
    if (r != null) {
      str(out, r.url());
      str(out, r.checked());
      str(out, r.article());
      str(out, r.section());
    }
  }

  private static Reference reference(DataInputStream in) throws IOException {
    return in.readBoolean() ? new Reference(str(in), str(in), str(in), str(in)) : null;
  }

  private static Source source(DataInputStream in) throws IOException {
    return in.readBoolean() ? new Source(str(in), str(in)) : null;
  }

  private static void str(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String str(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      return null;
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  private static void list(DataOutputStream out, List<String> values) throws IOException {
    out.writeInt(values.size());
    for (String v : values) {
      str(out, v);
    }
  }

  private static List<String> list(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<String> values = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      values.add(str(in));
    }
    return List.copyOf(values);
  }
}
