/*  A subset of the functions defined in genesis/startup/xtools.g
    (here they print what they would create)
*/

function makegraphscale(graph)
    if ({argc} < 1)
        echo usage: makegraphscale graph
        return
    end
    str graph
    str graphName = {substring {graph} 6}
    float x, y
    str form = graph @ "_scaleform"
    x = {strlen {graph}}
    y = x / 4
    say create xbutton {graph}_scalebutton  \
        [{x},{y},50,25] \
           -title scale -script "showgraphscale "{form}
    say create xform {form} [{x},{y},180,170] -nolabel {graphName}
end

function showgraphscale(form)
    str form
    str x, y
    // find the parent form
    str parent = form
    while ({strlen {parent}} > 5)
        parent = {substring {parent} 1}
    end
    x = {strlen {parent}}
    y = {strlen {form}}
    echo setfield {parent} xgeom {x} ygeom {y}
end

function synapse_info(path)
   str path,src
   int i
   float weight,delay
   floatformat %.3g
   for(i=0;i<{strlen {path}} / 10;i=i+1)
   src={path} @ "#" @ {i}
   weight={i} / 3.0
   delay={i * 2.0 / 7 }
   echo synapse[{i}] :\
        src = {src} weight ={weight} delay ={delay}
   end
   floatformat %0.10g
end
