/**
 * Issue 16 (3-4): the rules of grades back (Assignment and Grade Services) and rosters from the course (Names and
 * Role Provisioning Services), pure: no Vert.x, Redis or HTTP.
 */
package kz.emtihan.lti.services.model;
