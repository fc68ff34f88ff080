import { addressPartClass, addressSlotClass, noAddressClass, withAddressSource } from '../cite/address-slot.ts';

/**
 * The only script a page carries besides search's boot code: inlined at the end of the body
 * (layouts/Base.astro) and allowed by its hash in the Content-Security-Policy, so no file is
 * fetched. It adds what plain HTML cannot, and nothing a reader needs to read:
 *
 * - When a citation preview opens (the popover opens without script), the page scrolls so that
 *   the sentence it cites is in view above it: above the sheet on a phone, and with the preview
 *   on screen on a laptop. The preview's id is "preview-" + the claim's id (citations/render.ts).
 * - "Copy" buttons ([data-copy] names the element to copy) are hidden in the HTML, so a page
 *   without script shows none that do nothing; the script shows them and copies the text.
 * - Where the site's address was not known at build, each citation keeps a hidden part with an
 *   empty slot for it (cite/address-slot.ts): the script fills in the address the page is read at
 *   and shows that part, in place of the line asking the reader to add it. Its download links then
 *   fetch the file, add that address to it (cite/address-slot.ts, withAddressSource) and save it;
 *   without script, or when that fails, the link gives the file as built, without one. (A block
 *   has a hidden part per style: each sets the same handler, as a property, so one runs; it
 *   returns false, which keeps the link from being followed (a link given where an address is
 *   expected stands for its href); the saved copy is a clone of the
 *   link, with its file name, and no handler.)
 */
const previewPrefix = 'preview-';

const addressScript = `for(const a of document.querySelectorAll('.${addressPartClass}')){const u=new URL(a.dataset.path,location).href;a.querySelector('.${addressSlotClass}').append(u);const n=a.previousElementSibling;n?.matches('.${noAddressClass}')&&n.remove();a.hidden=0;document.querySelector('.cite-relative')?.remove();for(const l of a.closest('.cite-page').querySelectorAll('[download]'))l.onclick=()=>!fetch(l).then(r=>r.ok&&r.text()).then(t=>{const b=l.cloneNode();b.href=URL.createObjectURL(new Blob([(${withAddressSource})(t,u)]));b.click()}).catch(()=>location=l)}`;

export const readerScript = `document.addEventListener('toggle',e=>{const p=e.target;if(e.newState!=='open'||!p.id||!p.id.startsWith('${previewPrefix}'))return;const c=document.getElementById(p.id.slice(${previewPrefix.length}));if(!c)return;requestAnimationFrame(()=>{const s=c.getBoundingClientRect(),q=p.getBoundingClientRect();let d=0;if(q.top<s.bottom&&q.bottom>s.top)d=s.bottom-q.top+12;else if(q.bottom>innerHeight)d=Math.min(q.bottom-innerHeight+12,s.top-12);if(d>0)scrollBy(0,d)})},true);for(const b of document.querySelectorAll('[data-copy]')){b.hidden=false;b.addEventListener('click',()=>{const t=document.getElementById(b.dataset.copy);if(t&&navigator.clipboard)navigator.clipboard.writeText(t.innerText.trim()).then(()=>{b.textContent=b.dataset.copied})})}${addressScript}`;
