package vn.dvcsync.simulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/** The SOAP 1.1 messages of {@code TraCuuThongTinCongDan}: reading a request, writing an answer or a fault. */
final class PopulationSoap {

    static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String DC_NS = "http://dancuquocgia.bca";
    static final String DANCU_NS = "http://www.mic.gov.vn/dancu/1.0";

    private final DocumentBuilderFactory factory;

    PopulationSoap() {
        factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be made safe", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    }

    /** @return the {@code SoDinhDanh} asked for */
    String soDinhDanh(byte[] body) throws PopulationFault {
        Document document = parse(body);
        Element envelope = document.getDocumentElement();
        if (!is(envelope, SOAP_NS, "Envelope")) {
            throw PopulationFault.client("not a SOAP 1.1 envelope");
        }
        Element soapBody = child(envelope, SOAP_NS, "Body");
        Element request = soapBody == null ? null : child(soapBody, DC_NS, "TraCuuThongTinCongDan");
        if (request == null) {
            throw PopulationFault.client("malformed request: no TraCuuThongTinCongDan in the Body");
        }
        Element number = child(request, DC_NS, "SoDinhDanh");
        String value = number == null ? "" : number.getTextContent().trim();
        if (value.isEmpty()) {
            throw PopulationFault.client("SoDinhDanh: required");
        }
        return value;
    }

    /** The answer: one {@code CongDan} for a known person, an empty collection for {@code null}. */
    byte[] answer(Citizen citizen) {
        StringBuilder xml = new StringBuilder(1024)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .append("<soapenv:Envelope xmlns:soapenv=\"")
                .append(SOAP_NS)
                .append("\"><soapenv:Body>")
                .append("<TraCuuThongTinCongDanResponse xmlns=\"")
                .append(DC_NS)
                .append("\">")
                .append("<CongdanCollection xmlns=\"")
                .append(DANCU_NS)
                .append("\">");
        if (citizen != null) {
            xml.append("<CongDan>");
            element(xml, "SoDinhDanh", citizen.soDinhDanh());
            xml.append("<HoVaTen>");
            element(xml, "Ho", citizen.ho());
            element(xml, "ChuDem", citizen.chuDem());
            element(xml, "Ten", citizen.ten());
            xml.append("</HoVaTen>");
            element(xml, "GioiTinh", Integer.toString(citizen.gioiTinh()));
            xml.append("<NgayThangNamSinh>");
            element(xml, "NgayThangNam", citizen.ngayThangNam());
            xml.append("</NgayThangNamSinh><ThuongTru>");
            element(xml, "MaTinhThanh", province(citizen.soDinhDanh()));
            element(xml, "MaQuanHuyen", "001");
            element(xml, "MaPhuongXa", "00001");
            element(xml, "ChiTiet", "Địa chỉ thường trú (mô phỏng)");
            xml.append("</ThuongTru></CongDan>");
        }
        xml.append("</CongdanCollection></TraCuuThongTinCongDanResponse></soapenv:Body></soapenv:Envelope>");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    byte[] fault(PopulationFault fault) {
        StringBuilder xml = new StringBuilder(512)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .append("<soapenv:Envelope xmlns:soapenv=\"")
                .append(SOAP_NS)
                .append("\"><soapenv:Body>")
                .append("<soapenv:Fault>");
        element(xml, "faultcode", fault.faultCode());
        element(xml, "faultstring", fault.getMessage());
        xml.append("</soapenv:Fault></soapenv:Body></soapenv:Envelope>");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Province of registration, 2 digits, from the first 3 digits of a 12-digit ID number. */
    static String province(String soDinhDanh) {
        return soDinhDanh != null && soDinhDanh.length() >= 3 ? soDinhDanh.substring(1, 3) : "";
    }

    private Document parse(byte[] body) throws PopulationFault {
        try {
            DocumentBuilder builder;
            synchronized (factory) {
                builder = factory.newDocumentBuilder();
            }
            builder.setErrorHandler(new DefaultHandler());
            return builder.parse(new ByteArrayInputStream(body));
        } catch (SAXException | IOException e) {
            throw PopulationFault.client("malformed request: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the first child element with that name, or null */
    private static Element child(Element parent, String namespace, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && is(element, namespace, name)) {
                return element;
            }
        }
        return null;
    }

    private static boolean is(Element element, String namespace, String name) {
        return namespace.equals(element.getNamespaceURI()) && name.equals(element.getLocalName());
    }

    private static void element(StringBuilder xml, String name, String text) {
        xml.append('<').append(name).append('>');
        if (text != null) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '<' -> xml.append("&lt;");
                    case '>' -> xml.append("&gt;");
                    case '&' -> xml.append("&amp;");
                    case '"' -> xml.append("&quot;");
                    default -> xml.append(c);
                }
            }
        }
        xml.append("</").append(name).append('>');
    }
}
