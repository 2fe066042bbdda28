package kz.emtihan.bank.imports;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One element of a Moodle XML question, read whole: its text (CDATA included) and the line it starts on. */
record XmlElement(String name, Map<String, String> attributes, String text, List<XmlElement> children, int line) {
    XmlElement {
        attributes = Map.copyOf(attributes);
        children = List.copyOf(children);
    }

    String attribute(String key) {
        return attributes.getOrDefault(key, "");
    }

    Optional<XmlElement> child(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).findFirst();
    }

    List<XmlElement> children(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }

    /** The Moodle idiom {@code <x><text>...</text></x>}: the text of this element's {@code text} child. */
    String innerText() {
        return child("text").map(XmlElement::text).orElse("");
    }

    /** {@link #innerText()} of the named child, "" when there is none. */
    String innerText(String childName) {
        return child(childName).map(XmlElement::innerText).orElse("");
    }
}
