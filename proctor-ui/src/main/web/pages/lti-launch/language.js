/**
 * Issue 16 (2): imported first by lti-launch.js, so it runs before lib/i18n.js chooses the page's language: the
 * launch's locale becomes this tab's language (lib/launch-language.js).
 */
import { adoptLaunchLanguage } from '../../lib/launch-language.js';

adoptLaunchLanguage();
