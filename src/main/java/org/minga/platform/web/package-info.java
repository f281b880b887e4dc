/** What other modules' web layers share: problem+json responses and the rules of pages. */
@org.springframework.modulith.NamedInterface("web")
package org.minga.platform.web;
