package org.vqasp.report;

import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders the page with FreeMarker: {@code report.ftlh} (HTML output format, so every value is escaped unless the
 * template says otherwise) and its section templates, with the style sheet and script inlined.
 */
final class HtmlPage {

    private static final String ROOT = "/org/vqasp/report/";
    private static final Configuration CONFIG = configuration();

    private HtmlPage() {
    }

    /** Returns the whole page as one HTML document. */
    static String render(Report.Page page) {
        Map<String, Object> model = new HashMap<>();
        model.put("page", page);
        model.put("css", resource("report.css"));
        model.put("script", resource("report.js"));
        try {
            Template t = CONFIG.getTemplate("report.ftlh");
            StringWriter out = new StringWriter(1 << 20);
            t.process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the report template", e);
        } catch (TemplateException e) {
            throw new IllegalStateException("the report template failed: " + e.getMessage(), e);
        }
    }

    private static Configuration configuration() {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setClassForTemplateLoading(HtmlPage.class, ROOT + "templates");
        c.setDefaultEncoding("UTF-8");
        c.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        c.setNumberFormat("computer");
        return c;
    }

    private static String resource(String name) {
        try (InputStream in = HtmlPage.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + ROOT + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
