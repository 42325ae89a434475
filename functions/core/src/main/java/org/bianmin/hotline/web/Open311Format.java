package org.bianmin.hotline.web;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.bianmin.http.HttpResponse;
import org.bianmin.http.Json;

/**
 * The two formats of GeoReport v2, chosen by the resource's extension. Both render the same maps and lists: JSON as
 * they are, XML the way the specification's examples write them, with the JDK's own StAX writer (no XML library in
 * the Lambda jar): a root element, a list as repeated elements named in the singular ({@code <services><service>},
 * {@code <service_requests><request>}), null as an empty element, and the UTF-8 declaration the specification asks
 * for.
 */
enum Open311Format {

    JSON("json", "application/json"),
    XML("xml", "text/xml");

    /** The element of each item of a list, by the list's name (the specification's pairs). */
    private static final Map<String, String> ITEM = Map.of(
            "services", "service",
            "service_requests", "request",
            "errors", "error",
            "endpoints", "endpoint",
            "formats", "format",
            "attributes", "attribute",
            "values", "value");

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private final String extension;
    private final String mediaType;

    Open311Format(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    String extension() {
        return extension;
    }

    /** How discovery names the format. */
    String mediaType() {
        return mediaType;
    }

    /** {@code body} (a map or a list) as the document {@code root}; JSON has no root element and ignores it. */
    HttpResponse render(int status, String root, Object body) {
        if (this == JSON) {
            return new HttpResponse(status, Map.of("content-type", HttpResponse.JSON), Json.write(body));
        }
        return new HttpResponse(status, Map.of("content-type", mediaType + "; charset=utf-8"), xml(root, body));
    }

    /** The specification's error document: one error with the HTTP status as its code. */
    HttpResponse error(int status, String description) {
        return render(status, "errors", List.of(Map.of("code", status, "description", description)));
    }

    static String xml(String root, Object body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            element(xml, root, body);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write Open311 XML", e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
        if (value == null) {
            xml.writeEmptyElement(name);
            return;
        }
        xml.writeStartElement(name);
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                element(xml, String.valueOf(entry.getKey()), entry.getValue());
            }
        } else if (value instanceof List<?> list) {
            String item = ITEM.get(name);
            if (item == null) {
                throw new IllegalArgumentException("no item element for the list " + name);
            }
            for (Object each : list) {
                element(xml, item, each);
            }
        } else {
            xml.writeCharacters(String.valueOf(value));
        }
        xml.writeEndElement();
    }
}
