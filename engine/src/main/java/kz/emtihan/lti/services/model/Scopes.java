package kz.emtihan.lti.services.model;

/** Issue 16 (3-4): the OAuth2 scopes of LTI Advantage's services the tool asks for. */
public final class Scopes {
    private Scopes() {}

    public static final String LINEITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
    public static final String LINEITEM_READONLY = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly";
    public static final String SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
    public static final String MEMBERSHIPS =
            "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
}
